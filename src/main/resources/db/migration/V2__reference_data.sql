-- =====================================================================================================
-- V2: global, read-only reference data (not tenant-owned). MySQL 8.0+ / MariaDB 10.11+.
--
-- Sources (Japanese originals; line numbers are in /work/shared/seeds/004_bd58f50647524d85.txt):
--   * 重要インフラのサイバーセキュリティに係る行動計画 (Action Plan), L1-12553:
--       重要インフラ分野 15分野 (L534-541), 別紙1 (L2925-3718), 別紙2 (L3719-9233), 別紙3 (L9234-9895),
--       別紙5 用語集 (L12263-12553).
--   * セプター一覧［2024年９月末日現在］ (slide 10 of the Action Plan overview), L22376-23831.
--   * 『「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の手引書』 (information-sharing
--       handbook): 表１ 原因の例 (L27216-28300), 情報連絡様式 (L35630-35926, L38946-39162),
--       表４ 重要度 (L36322-36336, L36808-36822), ＴＬＰ (L36340-36423, L36826-36903).
--   * サイバーセキュリティ協議会規約 第17条第4項 (TLP), L46484-46503.
-- English digests: /work/shared/domain/004a-action-plan.md (§2.1, §4, §5, §10), 004b-guideline.md (§1.10),
--   004c-handbook-forms.md (§1.4, §2.2, §2.3), 004d-cloud-council-law.md (§2.7). See db/REFERENCE-DATA.md.
--
-- Japanese text is copied from the seed. The PDF extraction put many table cells one character per line;
-- those cells were rejoined. Where a cell held several stacked items (organisation + department, count +
-- count) they are separated by one half-width space, as the source itself does in "日本証券業協会 ＩＴ統括部".
-- Full-/half-width characters, ASCII parentheses "(一社)" and "－" (U+FF0D) are kept as in the source.
-- =====================================================================================================

-- -----------------------------------------------------------------------------------------------------
-- 1. sector: the 15 重要インフラ分野 in source order (行動計画 L534-541; 用語集 L12465-12473).
--    The plan says the scope is reviewed periodically (L526-530, L976-988), so treat the list as revisable.
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE sector (
    code        VARCHAR(40)  NOT NULL,
    sort_order  INT          NOT NULL,
    name_ja     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    CONSTRAINT pk_sector PRIMARY KEY (code),
    CONSTRAINT uk_sector_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO sector (code, sort_order, name_ja, name_en) VALUES
    ('INFORMATION_COMMUNICATIONS', 1, '情報通信', 'Information and Communications'),
    ('FINANCE', 2, '金融', 'Finance'),
    ('AVIATION', 3, '航空', 'Aviation'),
    ('AIRPORTS', 4, '空港', 'Airports'),
    ('RAILWAYS', 5, '鉄道', 'Railways'),
    ('ELECTRICITY', 6, '電力', 'Electric Power'),
    ('GAS', 7, 'ガス', 'Gas'),
    ('GOVERNMENT_ADMINISTRATIVE_SERVICES', 8, '政府・行政サービス', 'Government and Administrative Services'),
    ('MEDICAL', 9, '医療', 'Medical Services'),
    ('WATER', 10, '水道', 'Water Supply'),
    ('LOGISTICS', 11, '物流', 'Logistics'),
    ('CHEMICALS', 12, '化学', 'Chemicals'),
    ('CREDIT_CARDS', 13, 'クレジット', 'Credit Cards'),
    ('PETROLEUM', 14, '石油', 'Petroleum'),
    ('PORTS', 15, '港湾', 'Ports');

-- -----------------------------------------------------------------------------------------------------
-- 2. sub_sector. Splits only where the sources split: 別紙2 sub-group labels (金融), separate CEPTOARs /
--    セプター一覧 事業の範囲 (情報通信, 政府・行政サービス) and 別紙2 呼称 that are separate businesses under
--    separate acts (物流). Every other sector has one <SECTOR>_GENERAL sub-sector named like the sector.
--    sort_order is the position within the sector.
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE sub_sector (
    code        VARCHAR(60)  NOT NULL,
    sector_code VARCHAR(40)  NOT NULL,
    sort_order  INT          NOT NULL,
    name_ja     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    CONSTRAINT pk_sub_sector PRIMARY KEY (code),
    CONSTRAINT uk_sub_sector_sort UNIQUE (sector_code, sort_order),
    CONSTRAINT fk_sub_sector_sector FOREIGN KEY (sector_code) REFERENCES sector (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- 情報通信: セプター一覧 事業の範囲 電気通信 (L22475) / 放送 (L22480); 別紙2 呼称 ・電気通信役務 (L3886),
--   ・放送 (L4122), ・ケーブルテレビ (L4360). ケーブルテレビ has its own CEPTOAR (L22574) although the
--   事業の範囲 cell of the list reads 放送 for it. 電気通信 (CEPTOAR business scope) is used rather than the 別紙2 service
--   name 電気通信役務.
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('TELECOMMUNICATIONS', 'INFORMATION_COMMUNICATIONS', 1, '電気通信', 'Telecommunications'),
    ('BROADCASTING', 'INFORMATION_COMMUNICATIONS', 2, '放送', 'Broadcasting'),
    ('CABLE_TELEVISION', 'INFORMATION_COMMUNICATIONS', 3, 'ケーブルテレビ', 'Cable Television');

-- 金融: 別紙2 sub-group labels 銀行等 (L4560), 生命保険 (L5085), 損害保険 (L5209), 証券 (L5319), 資金決済 (L6193)
--   - the only explicit sub-group labels in 別紙2; same five in セプター一覧 事業の範囲 (L22483-22506) and
--   the handbook Table 2/3 (L28493-28518). Order follows 別紙2.
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('BANKING', 'FINANCE', 1, '銀行等', 'Banking'),
    ('LIFE_INSURANCE', 'FINANCE', 2, '生命保険', 'Life Insurance'),
    ('NONLIFE_INSURANCE', 'FINANCE', 3, '損害保険', 'Non-Life Insurance'),
    ('SECURITIES', 'FINANCE', 4, '証券', 'Securities'),
    ('FUNDS_SETTLEMENT', 'FINANCE', 5, '資金決済', 'Funds Settlement');

-- 航空: no split in 別紙2 (L6407; its 呼称 are services of one business) or セプター一覧 (L22508).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('AVIATION_GENERAL', 'AVIATION', 1, '航空', 'Aviation');

-- 空港: no split (別紙2 L6657; セプター一覧 L22511).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('AIRPORTS_GENERAL', 'AIRPORTS', 1, '空港', 'Airports');

-- 鉄道: no split (別紙2 L6882; セプター一覧 L22514).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('RAILWAYS_GENERAL', 'RAILWAYS', 1, '鉄道', 'Railways');

-- 電力: single sub-sector (別紙2 L7230; セプター一覧 L22517). 別紙2 names two 呼称 under the one Electricity
--   Business Act (・一般送配電事業 L7234, ・発電事業 L7244); treated as services, not sub-sectors.
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('ELECTRICITY_GENERAL', 'ELECTRICITY', 1, '電力', 'Electric Power');

-- ガス: single sub-sector (別紙2 L7497; セプター一覧 L22520). 別紙2 呼称 ・一般ガス導管事業 (L7501) and
--   ・ガス製造事業 (L7666) are both under the Gas Business Act; treated as services, not sub-sectors.
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('GAS_GENERAL', 'GAS', 1, 'ガス', 'Gas');

-- 政府・行政サービス: セプター一覧 事業の範囲 政府・地方公共団体 (L22523-22533); glossary
--   政府・行政サービス(地方公共団体を含む) (L12465-12473). Note 別紙1 (L3158) and 別紙2 (L7792) cover only
--   地方公共団体 / 地方公共団体の行政サービス.
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('GOVERNMENT', 'GOVERNMENT_ADMINISTRATIVE_SERVICES', 1, '政府', 'Government'),
    ('LOCAL_GOVERNMENT', 'GOVERNMENT_ADMINISTRATIVE_SERVICES', 2, '地方公共団体', 'Local Governments');

-- 医療: no split (別紙2 L7945; セプター一覧 L22535).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('MEDICAL_GENERAL', 'MEDICAL', 1, '医療', 'Medical Services');

-- 水道: no split (別紙2 L8032; セプター一覧 L22538).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('WATER_GENERAL', 'WATER', 1, '水道', 'Water Supply');

-- 物流: 別紙2 呼称 ・貨物自動車運送事業 (L8232), ・船舶運航事業 (L8244), ・倉庫業 (L8253) - three distinct
--   businesses, each under its own act (貨物自動車運送事業法 L8259, 海上運送法 L8308, 倉庫業法 L8335).
--   セプター一覧 has one 物流CEPTOAR covering all three (L22541).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('TRUCKING', 'LOGISTICS', 1, '貨物自動車運送事業', 'Motor Truck Transportation'),
    ('SHIPPING', 'LOGISTICS', 2, '船舶運航事業', 'Shipping (Vessel Operation)'),
    ('WAREHOUSING', 'LOGISTICS', 3, '倉庫業', 'Warehousing');

-- 化学: no split (別紙2 L8569; セプター一覧 L22544).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('CHEMICALS_GENERAL', 'CHEMICALS', 1, '化学', 'Chemicals');

-- クレジット: no split (別紙2 L8658; セプター一覧 L22547).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('CREDIT_CARDS_GENERAL', 'CREDIT_CARDS', 1, 'クレジット', 'Credit Cards');

-- 石油: no split (別紙2 L8865; セプター一覧 L22553).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('PETROLEUM_GENERAL', 'PETROLEUM', 1, '石油', 'Petroleum');

-- 港湾: no split (別紙2 L8955; セプター一覧 L22556).
INSERT INTO sub_sector (code, sector_code, sort_order, name_ja, name_en) VALUES
    ('PORTS_GENERAL', 'PORTS', 1, '港湾', 'Ports');

-- -----------------------------------------------------------------------------------------------------
-- 3. ceptoar_directory: セプター一覧［2024年９月末日現在］ (L22376-23831), 21 rows, in table row order.
--    Columns of the source: 重要インフラ分野 (L22399) | 事業の範囲 (L22468) | 名称 (L22559) | 事務局 (L22852) |
--    構成員(のべ数) (L23214) | 構成員以外の情報展開先 (L23385). The extraction reads the table column by column,
--    so rows were aligned by position (21 values in the member and non-member columns).
--    The 名称 column also carries "金融CEPTOAR連絡協議会" (L22604-22619): a liaison council grouping the five
--    finance CEPTOARs (銀行等, 証券, 生命保険, 損害保険, 資金決済), listed with no values of its own. It is NOT a
--    CEPTOAR and has no row here. The footer row 既存事業領域を越える連携等 (L23496-23831: ICT-ISAC, 金融ISAC,
--    交通ISAC, 電力ISAC, J-CSIP, サイバーテロ対策協議会, CISTA ...) is not loaded either.
--    sub_sector_code NULL = the business scope of the CEPTOAR covers every sub-sector of its sector.
--    Per-row line refs: name / secretariat / members / non-member recipients.
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE ceptoar_directory (
    code                     VARCHAR(40)  NOT NULL,
    sort_order               INT          NOT NULL,
    sector_code              VARCHAR(40)  NOT NULL,
    sub_sector_code          VARCHAR(60)  NULL,
    business_scope_ja        VARCHAR(100) NOT NULL,
    name_ja                  VARCHAR(100) NOT NULL,
    name_en                  VARCHAR(150) NOT NULL,
    secretariat_ja           VARCHAR(300) NOT NULL,
    members_ja               VARCHAR(200) NOT NULL,
    non_member_recipients_ja VARCHAR(300) NOT NULL,
    source_note              VARCHAR(500) NULL,
    as_of                    DATE         NOT NULL,
    CONSTRAINT pk_ceptoar_directory PRIMARY KEY (code),
    CONSTRAINT uk_ceptoar_directory_sort UNIQUE (sort_order),
    CONSTRAINT fk_ceptoar_directory_sector FOREIGN KEY (sector_code) REFERENCES sector (code),
    CONSTRAINT fk_ceptoar_directory_sub_sector FOREIGN KEY (sub_sector_code) REFERENCES sub_sector (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO ceptoar_directory (code, sort_order, sector_code, sub_sector_code, business_scope_ja, name_ja, name_en,
                               secretariat_ja, members_ja, non_member_recipients_ja, source_note, as_of) VALUES
    -- L22562 / L22856 / L23224 / L23398; 事業の範囲 L22475
    ('T_CEPTOAR', 1, 'INFORMATION_COMMUNICATIONS', 'TELECOMMUNICATIONS', '電気通信', 'T-CEPTOAR', 'T-CEPTOAR (Telecommunications)',
     '(一社)ICT-ISAC', '28社 1団体', '403社・団体',
     NULL, DATE '2024-09-30'),
    -- L22574 / L22870 / L23232 / L23407; 事業の範囲 L22480
    ('CATV_CEPTOAR', 2, 'INFORMATION_COMMUNICATIONS', 'CABLE_TELEVISION', '放送', 'ケーブルテレビCEPTOAR', 'Cable Television CEPTOAR',
     '(一社)日本ケーブルテレビ連盟', '303社 1団体', '336社',
     'business_scope_ja: the list has one 事業の範囲 cell 放送 (L22480) for the ケーブルテレビCEPTOAR and 放送CEPTOAR rows (merged cell, 20 scope values for 21 rows); applied to both. sub_sector_code CABLE_TELEVISION follows 別紙2 呼称 ケーブルテレビ (L4360).', DATE '2024-09-30'),
    -- L22592 / L22889 / L23241 / L23412; 事業の範囲 L22480
    ('BROADCAST_CEPTOAR', 3, 'INFORMATION_COMMUNICATIONS', 'BROADCASTING', '放送', '放送CEPTOAR', 'Broadcasting CEPTOAR',
     '(一社)日本民間放送連盟 日本放送協会', '194社 2団体', '13社',
     'secretariat_ja: the 事務局 cell names two organisations, (一社)日本民間放送連盟 (L22889) and 日本放送協会 (L22904). business_scope_ja 放送 is a merged cell shared with ケーブルテレビCEPTOAR.', DATE '2024-09-30'),
    -- L22782 / L22912 / L23250 / L23416; 事業の範囲 L22483
    ('BANKING_CEPTOAR', 4, 'FINANCE', 'BANKING', '銀行等', '銀行等CEPTOAR', 'Banking CEPTOAR',
     '(一社)全国銀行協会 事務・決済システム部', '1,228社', '8社・団体',
     NULL, DATE '2024-09-30'),
    -- L22795 / L22935 / L23257 / L23423; 事業の範囲 L22487
    ('SECURITIES_CEPTOAR', 5, 'FINANCE', 'SECURITIES', '証券', '証券CEPTOAR', 'Securities CEPTOAR',
     '日本証券業協会 ＩＴ統括部', '276社 7機関', '9社 1機関',
     'AMBIGUOUS (2 cells): members_ja and non_member_recipients_ja are rebuilt from a one-character-per-line extraction read column by column. "7機関" (L23262) and "1機関" (L23426) are assigned to this row because that is the only alignment that yields 21 rows in both columns; the source does not show the cell boundaries. Verify against the original PDF.', DATE '2024-09-30'),
    -- L22807 / L22950 / L23266 / L23430; 事業の範囲 L22490
    ('LIFE_INSURANCE_CEPTOAR', 6, 'FINANCE', 'LIFE_INSURANCE', '生命保険', '生命保険CEPTOAR', 'Life Insurance CEPTOAR',
     '(一社)生命保険協会 総務部', '41社', '－',
     NULL, DATE '2024-09-30'),
    -- L22822 / L22966 / L23270 / L23431; 事業の範囲 L22496
    ('NONLIFE_INSURANCE_CEPTOAR', 7, 'FINANCE', 'NONLIFE_INSURANCE', '損害保険', '損害保険CEPTOAR', 'Non-Life Insurance CEPTOAR',
     '(一社)日本損害保険協会 IT企画部', '49社', '10社',
     NULL, DATE '2024-09-30'),
    -- L22837 / L22986 / L23274 / L23435; 事業の範囲 L22502
    ('FUNDS_SETTLEMENT_CEPTOAR', 8, 'FINANCE', 'FUNDS_SETTLEMENT', '資金決済', '資金決済CEPTOAR', 'Funds Settlement CEPTOAR',
     '(一社)日本資金決済業協会 事務局', '190社', '8社',
     NULL, DATE '2024-09-30'),
    -- L22621 / L23006 / L23279 / L23438; 事業の範囲 L22508
    ('AVIATION_CEPTOAR', 9, 'AVIATION', 'AVIATION_GENERAL', '航空', '航空CEPTOAR', 'Aviation CEPTOAR',
     '定期航空協会', '14社 1団体', '－',
     NULL, DATE '2024-09-30'),
    -- L22633 / L23014 / L23287 / L23439; 事業の範囲 L22511
    ('AIRPORT_CEPTOAR', 10, 'AIRPORTS', 'AIRPORTS_GENERAL', '空港', '空港CEPTOAR', 'Airport CEPTOAR',
     '空港・空港ビル協議会', '8社', '－',
     NULL, DATE '2024-09-30'),
    -- L22645 / L23028 / L23290 / L23441; 事業の範囲 L22514
    ('RAILWAY_CEPTOAR', 11, 'RAILWAYS', 'RAILWAYS_GENERAL', '鉄道', '鉄道CEPTOAR', 'Railway CEPTOAR',
     '(一社)日本鉄道電気技術協会', '22社 1団体', '－',
     NULL, DATE '2024-09-30'),
    -- L22657 / L23046 / L23298 / L23442; 事業の範囲 L22517
    ('ELECTRICITY_CEPTOAR', 12, 'ELECTRICITY', 'ELECTRICITY_GENERAL', '電力', '電力CEPTOAR', 'Electric Power CEPTOAR',
     '電力ISAC', '24社', '25社・機関',
     NULL, DATE '2024-09-30'),
    -- L22669 / L23053 / L23302 / L23450; 事業の範囲 L22520
    ('GAS_CEPTOAR', 13, 'GAS', 'GAS_GENERAL', 'ガス', 'GAS CEPTOAR', 'GAS CEPTOAR',
     '(一社)日本ガス協会 技術部製造グループ', '12社 1団体', '194社・団体',
     'name_ja: the space in "GAS CEPTOAR" is a reconstruction; the extraction breaks the line between GAS and CEPTOAR (L22669-22680), as it does for every name in this column.', DATE '2024-09-30'),
    -- L22682 / L23078 / L23310 / L23459; 事業の範囲 L22523
    ('LOCAL_GOVERNMENT_CEPTOAR', 14, 'GOVERNMENT_ADMINISTRATIVE_SERVICES', NULL, '政府・地方公共団体', '自治体CEPTOAR', 'Local Government CEPTOAR',
     '地方公共団体情報システム機構 システム統括室リスク管理課', '47都道府県 1,741市区町村 1グループ', '－',
     'sub_sector_code is NULL: 事業の範囲 政府・地方公共団体 (L22523-22533) spans both sub-sectors of the sector, although the listed members are all local governments.', DATE '2024-09-30'),
    -- L22695 / L23113 / L23335 / L23460; 事業の範囲 L22535
    ('MEDICAL_CEPTOAR', 15, 'MEDICAL', 'MEDICAL_GENERAL', '医療', '医療CEPTOAR', 'Medical CEPTOAR',
     '(公社)日本医師会 情報システム課', '21機関', '385社・団体',
     NULL, DATE '2024-09-30'),
    -- L22707 / L23133 / L23340 / L23469; 事業の範囲 L22538
    ('WATER_CEPTOAR', 16, 'WATER', 'WATER_GENERAL', '水道', '水道CEPTOAR', 'Water Supply CEPTOAR',
     '(公社)日本水道協会 総務部総務課', '8水道事業体 6団体', '内容に応じ1,314事業体へ展開',
     NULL, DATE '2024-09-30'),
    -- L22719 / L23153 / L23352 / L23488; 事業の範囲 L22541
    ('LOGISTICS_CEPTOAR', 17, 'LOGISTICS', NULL, '物流', '物流CEPTOAR', 'Logistics CEPTOAR',
     '(一社)日本物流団体連合会', '17社', '－',
     'sub_sector_code is NULL: 事業の範囲 物流 (L22541) covers all three logistics sub-sectors.', DATE '2024-09-30'),
    -- L22731 / L23169 / L23356 / L23489; 事業の範囲 L22544
    ('CHEMICAL_CEPTOAR', 18, 'CHEMICALS', 'CHEMICALS_GENERAL', '化学', '化学CEPTOAR', 'Chemical CEPTOAR',
     '石油化学工業協会', '12社', '－',
     NULL, DATE '2024-09-30'),
    -- L22743 / L23180 / L23360 / L23491; 事業の範囲 L22547
    ('CREDIT_CEPTOAR', 19, 'CREDIT_CARDS', 'CREDIT_CARDS_GENERAL', 'クレジット', 'クレジットCEPTOAR', 'Credit CEPTOAR',
     '(一社)日本クレジット協会', '49社', '－',
     NULL, DATE '2024-09-30'),
    -- L22758 / L23196 / L23364 / L23492; 事業の範囲 L22553
    ('PETROLEUM_CEPTOAR', 20, 'PETROLEUM', 'PETROLEUM_GENERAL', '石油', '石油CEPTOAR', 'Petroleum CEPTOAR',
     '石油連盟', '10社', '－',
     NULL, DATE '2024-09-30'),
    -- L22770 / L23201 / L23368 / L23494; 事業の範囲 L22556
    ('PORT_CEPTOAR', 21, 'PORTS', 'PORTS_GENERAL', '港湾', '港湾CEPTOAR', 'Port CEPTOAR',
     '(一社)日本港運協会', '30社 9団体 7地方公共団体', '－',
     NULL, DATE '2024-09-30');

-- -----------------------------------------------------------------------------------------------------
-- 4. event_type: 別紙3 事象の類型 (L9234-9680), same labels in the 情報連絡様式 ① (L39031-39083, single choice:
--    「最初に検知した事象を１つのみ選択する」). occurred = FALSE only for 未発生の事象 (L9276).
--    category = the 事象の類型 column; 発生した事象 group label at L9363. 上記につながる事象 = events that do not
--    yet threaten C/I/A but can lead to them (form footnote ※３, L35810).
--    name = 事象の例; description_ja = 説明, verbatim. 「その他」 has no 事象の例, so name_ja = その他.
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE event_type (
    code           VARCHAR(80)  NOT NULL,
    sort_order     INT          NOT NULL,
    occurred       BOOLEAN      NOT NULL,
    category_code  VARCHAR(40)  NOT NULL,
    category_ja    VARCHAR(100) NULL,
    category_en    VARCHAR(100) NULL,
    name_ja        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(150) NOT NULL,
    description_ja VARCHAR(500) NOT NULL,
    CONSTRAINT pk_event_type PRIMARY KEY (code),
    CONSTRAINT uk_event_type_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO event_type (code, sort_order, occurred, category_code, category_ja, category_en, name_ja, name_en, description_ja) VALUES
    -- L9276-9362
    ('NOT_OCCURRED.PRECURSOR_NEAR_MISS', 1, FALSE, 'NOT_OCCURRED', '未発生の事象', 'Event that has not occurred', '予兆・ヒヤリハット', 'Precursor / near miss',
     'サイバー攻撃の予告などの予兆や、事象の発生には至らなかったミス、マルウェアが添付された不審メールの受信などによるヒヤリハットの発生'),
    -- L9366-9416
    ('OCCURRED.CONFIDENTIALITY.INFO_LEAK', 2, TRUE, 'CONFIDENTIALITY', '機密性を脅かす事象', 'Threat to confidentiality', '情報の漏えい', 'Information leakage',
     '組織の機密情報等の流出など、機密性が脅かされる事象の発生'),
    -- L9417-9478
    ('OCCURRED.INTEGRITY.INFO_DESTRUCTION', 3, TRUE, 'INTEGRITY', '完全性を脅かす事象', 'Threat to integrity', '情報の破壊', 'Information destruction',
     'Webサイト等の改ざんや組織の機密情報等の破壊など、完全性が脅かされる事象の発生'),
    -- L9479-9551
    ('OCCURRED.AVAILABILITY.SYSTEM_UNUSABLE', 4, TRUE, 'AVAILABILITY', '可用性を脅かす事象', 'Threat to availability', 'システム等の利用困難', 'Systems etc. unusable',
     '制御システムの継続稼働が不能やWebサイトの閲覧が不可能など、可用性が脅かされる事象の発生'),
    -- L9552-9593
    ('OCCURRED.LEADING_TO_ABOVE.MALWARE_INFECTION', 5, TRUE, 'LEADING_TO_ABOVE', '上記につながる事象', 'Events that can lead to the above', 'マルウェア等の感染', 'Malware infection',
     'マルウェア等によるシステム等への感染'),
    -- L9552-9627
    ('OCCURRED.LEADING_TO_ABOVE.MALICIOUS_CODE_EXECUTION', 6, TRUE, 'LEADING_TO_ABOVE', '上記につながる事象', 'Events that can lead to the above', '不正コード等の実行', 'Execution of malicious code',
     'システム脆弱性等をついた不正コード等の実行'),
    -- L9552-9664
    ('OCCURRED.LEADING_TO_ABOVE.SYSTEM_INTRUSION', 7, TRUE, 'LEADING_TO_ABOVE', '上記につながる事象', 'Events that can lead to the above', 'システム等への侵入', 'Intrusion into systems',
     '外部からのサイバー攻撃等によるシステム等への侵入'),
    -- L9665-9680
    ('OCCURRED.OTHER', 8, TRUE, 'OTHER', 'その他', 'Other', 'その他', 'Other events',
     '上記以外の事象');

-- -----------------------------------------------------------------------------------------------------
-- 5. cause_type: 別紙3 原因の類型 / 原因の例 (L9681-9895); examples_ja verbatim (the trailing 等 is in the source).
--    Same four groups in the handbook 表１ (L27216-28300) and the 情報連絡様式 ② (L38994-39018, multiple choice).
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE cause_type (
    code        VARCHAR(40)  NOT NULL,
    sort_order  INT          NOT NULL,
    name_ja     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    examples_ja VARCHAR(500) NOT NULL,
    CONSTRAINT pk_cause_type PRIMARY KEY (code),
    CONSTRAINT uk_cause_type_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO cause_type (code, sort_order, name_ja, name_en, examples_ja) VALUES
    -- L9694-9765
    ('INTENTIONAL', 1, '意図的な原因', 'Intentional causes',
     '不審メール等の受信、ユーザＩＤ等の偽り、DDoS攻撃等の大量アクセス、情報の不正取得、内部不正、適切なシステム等運用の未実施等'),
    -- L9766-9854
    ('ACCIDENTAL', 2, '偶発的な原因', 'Accidental causes',
     'ユーザの操作ミス、ユーザの管理ミス、不審なファイルの実行、不審なサイトの閲覧、外部委託先の管理ミス、機器等の故障、システムの脆弱性、他分野の障害からの波及等'),
    -- L9855-9870
    ('ENVIRONMENTAL', 3, '環境的な原因', 'Environmental causes',
     '災害や疾病等'),
    -- L9871-9895
    ('OTHER', 4, 'その他の原因', 'Other causes',
     '上記以外の脅威や脆弱性、原因不明等');

-- -----------------------------------------------------------------------------------------------------
-- 6. cause_example: each example quoted in 別紙3 原因の例 (L9702-9895), split at 「、」. The 17 entries map
--    one-to-one, in the same order, onto the 17 cause check boxes of the 情報連絡様式 ② (L38994-39012) and the
--    rows of handbook 表１ (L27216-28300). Label differences (name_ja keeps the 別紙3 wording):
--      適切なシステム等運用の未実施  form: 適切なシステム運用等の未実施
--      ユーザＩＤ等の偽り            form: ユーザID等の偽り (half-width)
--      災害や疾病等                  表１: 災害や疾病
--      上記以外の脅威や脆弱性        form / 表１: その他
--      原因不明                      form / 表１: 不明 (表１: 原因を未確認もしくは原因が不明)
--    sort_order is global (= form box order).
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE cause_example (
    code            VARCHAR(60)  NOT NULL,
    cause_type_code VARCHAR(40)  NOT NULL,
    sort_order      INT          NOT NULL,
    name_ja         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(150) NOT NULL,
    CONSTRAINT pk_cause_example PRIMARY KEY (code),
    CONSTRAINT uk_cause_example_sort UNIQUE (sort_order),
    CONSTRAINT fk_cause_example_cause_type FOREIGN KEY (cause_type_code) REFERENCES cause_type (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO cause_example (code, cause_type_code, sort_order, name_ja, name_en) VALUES
    ('SUSPICIOUS_EMAIL_RECEIVED', 'INTENTIONAL', 1, '不審メール等の受信', 'Receipt of suspicious email etc.'),
    ('USER_ID_SPOOFING', 'INTENTIONAL', 2, 'ユーザＩＤ等の偽り', 'Spoofing of user IDs etc.'),
    ('DDOS_MASS_ACCESS', 'INTENTIONAL', 3, 'DDoS攻撃等の大量アクセス', 'Mass access such as DDoS attacks'),
    ('UNAUTHORIZED_INFO_ACQUISITION', 'INTENTIONAL', 4, '情報の不正取得', 'Unauthorised acquisition of information'),
    ('INSIDER_MISCONDUCT', 'INTENTIONAL', 5, '内部不正', 'Insider misconduct'),
    ('IMPROPER_SYSTEM_OPERATION', 'INTENTIONAL', 6, '適切なシステム等運用の未実施', 'Failure to operate systems etc. properly'),
    ('USER_OPERATION_ERROR', 'ACCIDENTAL', 7, 'ユーザの操作ミス', 'User operating error'),
    ('USER_MANAGEMENT_ERROR', 'ACCIDENTAL', 8, 'ユーザの管理ミス', 'User management error'),
    ('SUSPICIOUS_FILE_EXECUTION', 'ACCIDENTAL', 9, '不審なファイルの実行', 'Execution of a suspicious file'),
    ('SUSPICIOUS_SITE_BROWSING', 'ACCIDENTAL', 10, '不審なサイトの閲覧', 'Browsing of a suspicious website'),
    ('CONTRACTOR_MANAGEMENT_ERROR', 'ACCIDENTAL', 11, '外部委託先の管理ミス', 'Management error by an outsourcing contractor'),
    ('EQUIPMENT_FAILURE', 'ACCIDENTAL', 12, '機器等の故障', 'Failure of equipment etc.'),
    ('SYSTEM_VULNERABILITY', 'ACCIDENTAL', 13, 'システムの脆弱性', 'System vulnerability'),
    ('SPILLOVER_FROM_OTHER_SECTOR', 'ACCIDENTAL', 14, '他分野の障害からの波及', 'Spillover from an outage in another sector'),
    ('DISASTER_OR_DISEASE', 'ENVIRONMENTAL', 15, '災害や疾病等', 'Disasters, diseases etc.'),
    ('OTHER_THREAT_OR_VULNERABILITY', 'OTHER', 16, '上記以外の脅威や脆弱性', 'Threats or vulnerabilities not listed above'),
    ('UNKNOWN', 'OTHER', 17, '原因不明', 'Cause unknown');

-- -----------------------------------------------------------------------------------------------------
-- 7. importance_level (重要度): handbook 表４ 情報連絡の重要度及びその説明 (L36322-36336); identical 表４ for
--    情報提供 (L36808-36822). 対策を実施する主体 = whoever receives the liaison/provision and acts on it
--    (L36314, L36800). On the forms: □警報 □注意喚起 □参考情報 (L35814, L36595).
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE importance_level (
    code           VARCHAR(20)  NOT NULL,
    sort_order     INT          NOT NULL,
    name_ja        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(100) NOT NULL,
    description_ja VARCHAR(500) NULL,
    description_en VARCHAR(500) NULL,
    CONSTRAINT pk_importance_level PRIMARY KEY (code),
    CONSTRAINT uk_importance_level_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO importance_level (code, sort_order, name_ja, name_en, description_ja, description_en) VALUES
    ('WARNING', 1, '警報', 'Warning', '対策を実施する主体において、直ちに対応について検討することが推奨される情報',
     'Information on which the party taking countermeasures is advised to consider a response immediately.'),
    ('ADVISORY', 2, '注意喚起', 'Advisory', '対策を実施する主体において、対応について検討することが推奨される情報',
     'Information on which the party taking countermeasures is advised to consider a response.'),
    ('INFORMATION', 3, '参考情報', 'Reference information', '対策を実施する主体に対するサイバーセキュリティ対策への参考情報',
     'Reference information for the cybersecurity measures of the party taking countermeasures.');

-- -----------------------------------------------------------------------------------------------------
-- 8. tlp_level: TLP 2.0, most restrictive first. audience_* carries two definitions, each labelled:
--    (a) the information-sharing handbook used under the Action Plan, 2.3(2) (L36358-36393; repeated for
--        情報提供 at L36838-36873, where GREEN ends 「に属するもの限り」), verbatim without the leading "RED＝";
--    (b) サイバーセキュリティ協議会規約 第17条第4項 (L46484-46503), verbatim from 「情報の共有範囲が」/「前号に」.
--    name_ja = the short label of the handbook. Handbook rules that apply to every level (L36397-36407):
--    the sender may add recipients outside the range; NISC may share with 内閣官房（事態対処・危機管理担当）
--    and cooperating cybersecurity organisations whatever the TLP. Partial sharing outside the TLP goes in
--    特記事項 (L36415-36423). The printed form labels are shorter and differ (RED on the 情報連絡様式:
--    「NISC重要インフラ防護担当(※１)限り」; see REFERENCE-DATA.md).
-- -----------------------------------------------------------------------------------------------------
CREATE TABLE tlp_level (
    code        VARCHAR(20)  NOT NULL,
    sort_order  INT          NOT NULL,
    name_en     VARCHAR(40)  NOT NULL,
    name_ja     VARCHAR(100) NOT NULL,
    audience_ja VARCHAR(600) NOT NULL,
    audience_en VARCHAR(600) NOT NULL,
    CONSTRAINT pk_tlp_level PRIMARY KEY (code),
    CONSTRAINT uk_tlp_level_sort UNIQUE (sort_order)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO tlp_level (code, sort_order, name_en, name_ja, audience_ja, audience_en) VALUES
    ('RED', 1, 'TLP:RED', '宛先限り',
     '行動計画に基づく情報共有の手引書：宛先限り、すなわちＮＩＳＣ重要インフラ防護担当及び重要インフラ所管省庁（情報提供先又は情報提供元の所管省庁）限り／サイバーセキュリティ協議会規約第17条第4項：情報の共有範囲が、構成員に所属する協議会事務従事者（当該構成員に係る登録事務従事者を含む。）に限られる場合',
     'Action Plan information-sharing handbook: Addressees only: the NISC critical-infrastructure protection desk and the competent critical-infrastructure ministry (the ministry responsible for the recipient or for the source) only. / Cybersecurity Council Rules Art. 17(4): the sharing range is limited to the Council affairs personnel belonging to the member (including the registered affairs personnel pertaining to that member).'),
    ('AMBER_STRICT', 2, 'TLP:AMBER+STRICT', '特定分野・組織内関係者限り',
     '行動計画に基づく情報共有の手引書：特定分野・組織内関係者限り、すなわちＮＩＳＣ重要インフラ防護担当並びに直接関係する分野の重要インフラ所管省庁及びセプター（セプターを構成する重要インフラ事業者等を含む。）に属する者（その組織の職員）で、かつ業務の遂行に当たって、その情報を知る必要がある者限り／サイバーセキュリティ協議会規約第17条第4項：情報の共有範囲が、構成員に係る協議会事務従事者に限られる場合',
     'Action Plan information-sharing handbook: Specific sector, internal parties only: persons belonging to the NISC critical-infrastructure protection desk and to the competent ministries and CEPTOARs (including their member operators) of the directly concerned sector - their own staff only - who need to know the information for their work. / Cybersecurity Council Rules Art. 17(4): the sharing range is limited to the Council affairs personnel pertaining to the member.'),
    ('AMBER', 3, 'TLP:AMBER', '特定分野・関係者限り',
     '行動計画に基づく情報共有の手引書：特定分野・関係者限り、すなわちＮＩＳＣ重要インフラ防護担当並びに直接関係する分野の重要インフラ所管省庁及びセプター（セプターを構成する重要インフラ事業者等を含む。）に属する者（その組織の職員並びにコンサルタント、その組織内で働いている外部の業務受託者及びセプターを構成する重要インフラ事業者等から委託を受けて情報システムの開発、運用等を行う者であって、秘密保持契約を締結している者）で、かつ業務の遂行に当たって、その情報を知る必要がある者限り／サイバーセキュリティ協議会規約第17条第4項：情報の共有範囲が、前号に掲げる者及び第19条第３項第２号又は同項第３号の規定に基づき当該構成員を介して非構成員のサイバーセキュリティを確保する必要がある場合における当該非構成員に係る協議会事務従事者に限られる場合',
     'Action Plan information-sharing handbook: Specific sector, relevant parties only: as AMBER+STRICT, but besides staff also consultants, external contractors working inside the organisation, and contractors developing or operating information systems for CEPTOAR member operators under a non-disclosure agreement; need to know applies. / Cybersecurity Council Rules Art. 17(4): the persons under AMBER+STRICT plus, where a non-member''s cybersecurity must be ensured through the member under Art. 19(3)(ii) or (iii), the Council affairs personnel pertaining to that non-member.'),
    ('GREEN', 4, 'TLP:GREEN', '重要インフラ関係主体限り',
     '行動計画に基づく情報共有の手引書：重要インフラ関係主体限り、すなわちＮＩＳＣ、重要インフラ所管省庁、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関、サイバー空間関連事業者及び各分野のセプター（セプターを構成する重要インフラ事業者等を含む。）に属する者限り／サイバーセキュリティ協議会規約第17条第4項：前号に規定する範囲よりも広い範囲での共有が認められるが、一般に公開することは認められない場合',
     'Action Plan information-sharing handbook: Critical-infrastructure stakeholders only: persons belonging to NISC, the competent ministries, the incident-response ministries, the cybersecurity-related ministries, the disaster-management ministries, the cybersecurity-related organisations, cyberspace-related businesses and each sector''s CEPTOAR (including its member operators). / Cybersecurity Council Rules Art. 17(4): sharing wider than the AMBER range is permitted, but public disclosure is not.'),
    ('CLEAR', 5, 'TLP:CLEAR', '公開情報',
     '行動計画に基づく情報共有の手引書：公開情報／サイバーセキュリティ協議会規約第17条第4項：一般に公開することが認められる場合',
     'Action Plan information-sharing handbook: Public information. / Cybersecurity Council Rules Art. 17(4): public disclosure is permitted.');
