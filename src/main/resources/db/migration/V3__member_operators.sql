-- V3: member operators (重要インフラ事業者等) of a CEPTOAR tenant. Issue 3 "Member administration".
-- tenant_id is first in every unique key and index; utf8mb4 so Japanese names and readings round-trip.
-- Codes stored as strings (the API's codes): membership_kind MEMBER | NON_MEMBER_RECIPIENT | SUSPENDED,
-- employee_band / capital_band as in jp.ceptoarhub.members.EmployeeBand / CapitalBand.

CREATE TABLE member_operator (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id             BIGINT       NOT NULL,
    name_ja               VARCHAR(200) NOT NULL,
    name_kana             VARCHAR(200) NOT NULL,       -- full-width katakana reading (フリガナ)
    name_en               VARCHAR(200) NULL,
    corporate_number      CHAR(13)     NULL,           -- 法人番号 (check digit validated by the service)
    local_government_code CHAR(6)      NULL,           -- 全国地方公共団体コード incl. its check digit
    sector_code           VARCHAR(40)  COLLATE utf8mb4_bin NOT NULL, -- sector.code (collation of the sector table, for joins)
    sub_sector_code       VARCHAR(60)  NULL,           -- sub_sector.code within sector_code
    employee_band         VARCHAR(40)  NULL,
    capital_band          VARCHAR(40)  NULL,
    membership_kind       VARCHAR(30)  NOT NULL,
    suspended_from_kind   VARCHAR(30)  NULL,           -- the kind to restore on reinstatement
    suspended_at          TIMESTAMP(3) NULL,
    suspension_reason     VARCHAR(500) NULL,
    address               VARCHAR(500) NULL,
    notes                 TEXT         NULL,
    created_at            TIMESTAMP(3) NOT NULL,
    updated_at            TIMESTAMP(3) NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_member_corporate_number UNIQUE (tenant_id, corporate_number),
    CONSTRAINT uk_member_local_government UNIQUE (tenant_id, local_government_code),
    KEY ix_member_sector (tenant_id, sector_code, id),
    KEY ix_member_kind (tenant_id, membership_kind, id),
    KEY ix_member_kana (tenant_id, name_kana),
    CONSTRAINT fk_member_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to sector: it would need an index led by sector_code (not tenant_id). The service validates
    -- sector_code / sub_sector_code against the reference data (ReferenceService) on every write and import.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
