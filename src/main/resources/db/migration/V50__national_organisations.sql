-- V50: the national tier's organisations (decisions §3) and who a user is inside an organisation (TLP 2.0).
--
-- The national tenant (one Keycloak realm) holds several organisations: the NISC critical-infrastructure desk
-- (重要インフラ防護担当) and the five competent ministries (重要インフラ所管省庁). Global data, like the reference
-- tables of V2: there is exactly one national tenant and it is created at runtime, so the rows carry no tenant_id;
-- app_user.national_organisation_id places a national user in one of them.
--
-- Sources (line numbers in seeds/004_bd58f50647524d85.txt):
--   * 重要インフラ所管省庁 = 金融庁, 総務省, 厚生労働省, 経済産業省, 国土交通省: 情報共有の手引書 用語の定義 L38847-38851.
--   * Ministry -> sectors: 行動計画 overview slide 1 (L12875-13000; digest 004b §1.2). 水道 moved from 厚生労働省
--     to 国土交通省 in 2024; the 2023 exercise report still shows the old assignment. The map changes with the
--     plan: change it with a new migration, never by editing this one.
--   * 本件問合せ先 of the 情報提供様式: 内閣サイバーセキュリティセンター 重要インフラ防護担当 (L36623-36631). The
--     office was reorganised in 2025; the service shows the desk under the configured national display name.

CREATE TABLE national_organisation (
    id          BIGINT       NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    kind        VARCHAR(20)  NOT NULL,            -- NISC_DESK | MINISTRY
    sort_order  INT          NOT NULL,
    name_ja     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(150) NOT NULL,
    CONSTRAINT pk_national_organisation PRIMARY KEY (id),
    CONSTRAINT uk_national_organisation_code UNIQUE (code),
    CONSTRAINT uk_national_organisation_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO national_organisation (id, code, kind, sort_order, name_ja, name_en) VALUES
    (1, 'NISC_CI_DESK', 'NISC_DESK', 1, '重要インフラ防護担当', 'Critical-infrastructure protection desk'),
    (2, 'FSA', 'MINISTRY', 2, '金融庁', 'Financial Services Agency'),
    (3, 'MIC', 'MINISTRY', 3, '総務省', 'Ministry of Internal Affairs and Communications'),
    (4, 'MHLW', 'MINISTRY', 4, '厚生労働省', 'Ministry of Health, Labour and Welfare'),
    (5, 'METI', 'MINISTRY', 5, '経済産業省', 'Ministry of Economy, Trade and Industry'),
    (6, 'MLIT', 'MINISTRY', 6, '国土交通省', 'Ministry of Land, Infrastructure, Transport and Tourism');

-- One competent ministry per sector (the primary key), so "the ministry of a sector" is always one organisation.
CREATE TABLE national_organisation_sector (
    sector_code     VARCHAR(40) NOT NULL,
    organisation_id BIGINT      NOT NULL,
    CONSTRAINT pk_national_organisation_sector PRIMARY KEY (sector_code),
    KEY ix_national_organisation_sector_org (organisation_id, sector_code),
    CONSTRAINT fk_nos_sector FOREIGN KEY (sector_code) REFERENCES sector (code),
    CONSTRAINT fk_nos_organisation FOREIGN KEY (organisation_id) REFERENCES national_organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO national_organisation_sector (sector_code, organisation_id) VALUES
    ('FINANCE', 2),
    ('INFORMATION_COMMUNICATIONS', 3),
    ('GOVERNMENT_ADMINISTRATIVE_SERVICES', 3),
    ('MEDICAL', 4),
    ('ELECTRICITY', 5),
    ('GAS', 5),
    ('CHEMICALS', 5),
    ('CREDIT_CARDS', 5),
    ('PETROLEUM', 5),
    ('AVIATION', 6),
    ('AIRPORTS', 6),
    ('RAILWAYS', 6),
    ('WATER', 6),
    ('LOGISTICS', 6),
    ('PORTS', 6);

-- Who a person is inside their organisation, for TLP:AMBER+STRICT (the organisation's own staff) and TLP:AMBER
-- (also consultants and contractors under a non-disclosure agreement): 手引書 2.3(2) L36358-36393.
--   affiliation   STAFF (その組織の職員) | CONTRACTOR_NDA (秘密保持契約を締結しているコンサルタント・業務受託者)
--                 | CONTRACTOR (the same without an NDA: reads GREEN and CLEAR only)
--   nda_signed_on the date of the NDA, required for CONTRACTOR_NDA; set by the secretariat through the users API.
-- national_organisation_id: the organisation of a national user (nisc-analyst: the NISC desk; ministry-officer: its
-- ministry). Existing NISC analysts belong to the NISC desk.
ALTER TABLE app_user
    ADD COLUMN national_organisation_id BIGINT      NULL,
    ADD COLUMN affiliation              VARCHAR(20) NOT NULL DEFAULT 'STAFF',
    ADD COLUMN nda_signed_on            DATE        NULL,
    ADD KEY ix_app_user_national_org (tenant_id, national_organisation_id);

UPDATE app_user SET national_organisation_id = 1 WHERE role = 'nisc-analyst';
