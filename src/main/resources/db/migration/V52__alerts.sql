-- V52: alerts (情報提供) under TLP 2.0 — issue 12.
--
-- The cross-tenant model (decisions §1–§3; design note "Alerts (情報提供)" §2):
--   * alert                 the provision form's fields, in the ORIGIN tenant (NISC's in the national tenant, a
--                           CEPTOAR's own alerts in the CEPTOAR). A follow-up (第n報) is one more row of the thread.
--   * alert_audience_rule   what the sender chose (whole CEPTOAR, members, named users; NISC: sectors, CEPTOARs,
--                           ministries, operators by corporate number, named national users), in the tenant of the
--                           organisation that chose it: the originator's, or the passer's for a pass-on (展開).
--   * alert_recipient_org   one grant per addressed organisation and grantor, written at send / pass-on time IN THE
--     alert_recipient_user  RECIPIENT'S TENANT. Every tenant reads only its own grant rows; the alert row of another
--                           tenant is reached only through a grant row of the reader's tenant. No tenant filter is
--                           loosened: the SQL predicate AlertVisibility is the only way alert rows are read.
--   * alert_pass_on         a secretariat's or ministry's pass-on of a received alert, keeping its number, with the
--                           label it passed it on under (never wider than the one it received).
--   * alert_ack_event       append-only acknowledgement facts (decisions §6: not one audit entry each).
--
-- Codes: tlp TINYINT is tlp_level.sort_order (1 RED, 2 AMBER+STRICT, 3 AMBER, 4 GREEN, 5 CLEAR), so "narrower" is
-- "smaller" and the effective label of a passed-on copy is LEAST(alert.tlp, grant.tlp_cap). importance is
-- importance_level.code (WARNING 警報, ADVISORY 注意喚起, INFORMATION 参考情報). An organisation is
-- (org_kind, org_id): SECRETARIAT/0 (a CEPTOAR's secretariat, 事務局), MEMBER/member_operator.id, NATIONAL/
-- national_organisation.id. Times are UTC TIMESTAMP(6) written by the database (NOW(6)), so ordering and delta-sync
-- tokens follow the database clock.

CREATE TABLE alert (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id         BIGINT        NOT NULL,             -- origin tenant
    thread_id         BIGINT        NOT NULL,             -- id of the thread's 第1報 (the row itself for a first report)
    report_no         INT           NULL,                 -- 第n報: the position in the thread, assigned at send
    number            VARCHAR(40)   NULL,                 -- 識別番号 (T12, T12-2; a CEPTOAR's own prefix), assigned at send
    status            VARCHAR(12)   NOT NULL,             -- DRAFT | SENT | WITHDRAWN
    importance        VARCHAR(20)   NOT NULL,             -- 重要度
    tlp               TINYINT       NOT NULL,             -- 情報共有範囲
    special_remarks   TEXT          NULL,                 -- 特記事項
    title             VARCHAR(200)  NOT NULL,
    outline           MEDIUMTEXT    NULL,                 -- ①概要
    targets           MEDIUMTEXT    NULL,                 -- ②対象
    handling          MEDIUMTEXT    NULL,                 -- ③対処方針
    other_info        MEDIUMTEXT    NULL,                 -- ④その他
    annex             TINYINT(1)    NOT NULL,             -- 別紙有無
    inquiry_contact   VARCHAR(1000) NULL,                 -- 本件問合せ先
    recipients_line   VARCHAR(2000) NULL,                 -- 情報提供先 as printed, fixed at send
    origin_org_kind   VARCHAR(20)   NOT NULL,             -- SECRETARIAT (a CEPTOAR) | NATIONAL (the NISC desk)
    origin_org_id     BIGINT        NOT NULL,
    created_by        BIGINT        NOT NULL,             -- app_user.id of the author
    created_by_name   VARCHAR(255)  NULL,
    sent_by           BIGINT        NULL,
    sent_by_name      VARCHAR(255)  NULL,
    withdrawn_reason  VARCHAR(1000) NULL,
    withdrawn_at      TIMESTAMP(6)  NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    sent_at           TIMESTAMP(6)  NULL,                 -- 情報提供日時
    updated_at        TIMESTAMP(6)  NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_alert_number UNIQUE (tenant_id, number),
    KEY ix_alert_origin (tenant_id, origin_org_kind, origin_org_id, status, id),
    KEY ix_alert_thread (tenant_id, thread_id, report_no),
    KEY ix_alert_updated (tenant_id, updated_at),
    KEY ix_alert_feed (tenant_id, tlp, status, sent_at),
    CONSTRAINT fk_alert_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The sectors an alert addresses (SECTOR rules, the sector of an addressed CEPTOAR or operator, a ministry's
-- sectors): TLP:AMBER and AMBER+STRICT are passed on only to organisations of these sectors.
CREATE TABLE alert_sector (
    tenant_id   BIGINT      NOT NULL,
    alert_id    BIGINT      NOT NULL,
    sector_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (tenant_id, alert_id, sector_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE alert_pass_on (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id        BIGINT       NOT NULL,              -- the passer's tenant
    alert_id         BIGINT       NOT NULL,
    origin_tenant_id BIGINT       NOT NULL,
    org_kind         VARCHAR(20)  NOT NULL,              -- the passing organisation: SECRETARIAT or a ministry (NATIONAL)
    org_id           BIGINT       NOT NULL,
    tlp              TINYINT      NOT NULL,              -- the label it was passed on under (<= the received label)
    passed_by        BIGINT       NOT NULL,
    passed_by_name   VARCHAR(255) NULL,
    passed_at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_alert_pass_on (tenant_id, alert_id, org_kind, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_audience_rule (
    id                       BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id                BIGINT       NOT NULL,      -- the choosing organisation's tenant
    alert_id                 BIGINT       NOT NULL,
    pass_on_id               BIGINT       NULL,          -- NULL: the originator's choice
    kind                     VARCHAR(30)  NOT NULL,      -- MEMBERS | NON_MEMBER_RECIPIENTS | MEMBER | USER | SECTOR | CEPTOAR | MINISTRY | OPERATOR
    member_id                BIGINT       NULL,
    user_id                  BIGINT       NULL,
    sector_code              VARCHAR(40)  NULL,
    ceptoar_tenant_id        BIGINT       NULL,
    national_organisation_id BIGINT       NULL,
    corporate_number         CHAR(13)     NULL,
    local_government_code    CHAR(6)      NULL,
    added_at                 TIMESTAMP(6) NULL,          -- set when the originator added it after sending
    PRIMARY KEY (id),
    KEY ix_alert_audience_rule (tenant_id, alert_id, pass_on_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A grant: organisation (org_kind, org_id) of tenant tenant_id was addressed by the originator (pass_on_id = 0) or
-- by a pass-on. addressed = ORG lets the organisation's users read under the label; NAMED only records that named
-- users of the organisation were addressed (acknowledgement and escalation are per organisation) and grants no
-- organisation-wide read. Acknowledgement and escalation state live here (escalation: the next issue).
CREATE TABLE alert_recipient_org (
    tenant_id          BIGINT       NOT NULL,            -- the recipient's tenant
    alert_id           BIGINT       NOT NULL,
    org_kind           VARCHAR(20)  NOT NULL,
    org_id             BIGINT       NOT NULL,
    pass_on_id         BIGINT       NOT NULL,            -- 0: addressed by the originator
    origin_tenant_id   BIGINT       NOT NULL,
    addressed          VARCHAR(10)  NOT NULL,            -- ORG | NAMED
    tlp_cap            TINYINT      NULL,                -- a pass-on's label; NULL for the originator's grants
    first_opened_at    TIMESTAMP(6) NULL,
    ack_state          VARCHAR(12)  NOT NULL,            -- OPEN | ACKED | UNREACHABLE
    acked_at           TIMESTAMP(6) NULL,
    acked_by_user_id   BIGINT       NULL,
    acked_by_name      VARCHAR(255) NULL,
    ack_method         VARCHAR(10)  NULL,                -- APP | WEB | LINK
    esc_step           INT          NOT NULL DEFAULT 0,
    next_escalation_at TIMESTAMP(6) NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, alert_id, org_kind, org_id, pass_on_id),
    KEY ix_recipient_org_inbox (tenant_id, org_kind, org_id, alert_id),
    KEY ix_recipient_org_delta (tenant_id, org_kind, org_id, updated_at),
    KEY ix_recipient_org_pass_on (tenant_id, pass_on_id, alert_id),
    KEY ix_recipient_org_escalation (tenant_id, next_escalation_at),
    -- The originator's view of the grants it made in recipients' tenants (who has not acknowledged).
    KEY ix_recipient_org_origin (origin_tenant_id, alert_id, pass_on_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A named addressee (named = 1: the only readers of TLP:RED), or the first signed-in read of any reader (named = 0,
-- opened_at set): "opened" and the inbox's unread counts.
CREATE TABLE alert_recipient_user (
    tenant_id        BIGINT       NOT NULL,
    alert_id         BIGINT       NOT NULL,
    user_id          BIGINT       NOT NULL,
    origin_tenant_id BIGINT       NOT NULL,
    org_kind         VARCHAR(20)  NOT NULL,
    org_id           BIGINT       NOT NULL,
    named            TINYINT(1)   NOT NULL,
    opened_at        TIMESTAMP(6) NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, alert_id, user_id),
    KEY ix_recipient_user (tenant_id, user_id, alert_id),
    KEY ix_recipient_user_delta (tenant_id, user_id, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_ack_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   BIGINT       NOT NULL,
    alert_id    BIGINT       NOT NULL,
    org_kind    VARCHAR(20)  NOT NULL,
    org_id      BIGINT       NOT NULL,
    user_id     BIGINT       NULL,
    method      VARCHAR(10)  NOT NULL,                  -- APP (signed-in), later WEB / LINK
    acked_at    TIMESTAMP(6) NOT NULL,
    ip          VARCHAR(64)  NULL,
    user_agent  VARCHAR(500) NULL,
    PRIMARY KEY (id),
    KEY ix_alert_ack_event (tenant_id, alert_id, org_kind, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per-tenant alert settings: the widest label anything may be exported under (STIX, export files), as OpenCTI's
-- "max shareable marking" (RED and AMBER+STRICT exports off by default: 3 = AMBER), and the default 問合せ先 line.
CREATE TABLE alert_settings (
    tenant_id       BIGINT        NOT NULL,
    max_export_tlp  TINYINT       NOT NULL,
    inquiry_contact VARCHAR(1000) NULL,
    updated_at      TIMESTAMP(3)  NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_alert_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 別紙 (attachments), stored in the database in the origin tenant, in chunks of at most 256 KiB so that a download
-- streams chunk by chunk under the same read predicate as the alert.
CREATE TABLE alert_attachment (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    BIGINT       NOT NULL,
    alert_id     BIGINT       NOT NULL,
    filename     VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    chunk_count  INT          NOT NULL,
    created_by   BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_alert_attachment (tenant_id, alert_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_attachment_chunk (
    tenant_id     BIGINT     NOT NULL,
    attachment_id BIGINT     NOT NULL,
    seq           INT        NOT NULL,
    bytes         MEDIUMBLOB NOT NULL,
    PRIMARY KEY (tenant_id, attachment_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
