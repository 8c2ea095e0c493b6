-- V7: machinery shared by the readiness record types that follow contacts (V5) and continuity plans (V6), so a new
-- record type needs only its own table: one change-history table and one "confirm unchanged" table keyed by
-- record_type (the RecordFreshness.RecordType code, e.g. suppliers), and the tenant's per-record-type policy.

-- Every change of a record, attributable: who, when, what (only the changed fields, before and after, as JSON).
CREATE TABLE record_change (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    record_type         VARCHAR(40)   NOT NULL,
    record_id           BIGINT        NOT NULL,
    member_operator_id  BIGINT        NOT NULL,
    seq                 INT           NOT NULL,      -- 1, 2, ... per record
    changed_at          TIMESTAMP(3)  NOT NULL,
    actor_subject       VARCHAR(64)   NULL,
    actor_name          VARCHAR(255)  NULL,
    change_type         VARCHAR(20)   NOT NULL,      -- CREATED | UPDATED | DELETED | CONFIRMED (| type-specific)
    before_json         MEDIUMTEXT    NULL,
    after_json          MEDIUMTEXT    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_record_change_seq UNIQUE (tenant_id, record_type, record_id, seq),
    KEY ix_record_change_member (tenant_id, member_operator_id, changed_at),
    CONSTRAINT fk_record_change_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Confirm unchanged": a member's latest re-confirmation of all its records of one type (refreshes freshness).
CREATE TABLE record_confirmation (
    tenant_id            BIGINT        NOT NULL,
    member_operator_id   BIGINT        NOT NULL,
    record_type          VARCHAR(40)   NOT NULL,
    confirmed_at         TIMESTAMP(3)  NOT NULL,
    confirmed_by         VARCHAR(255)  NULL,
    confirmed_by_subject VARCHAR(64)   NULL,
    PRIMARY KEY (tenant_id, member_operator_id, record_type),
    CONSTRAINT fk_record_confirmation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The secretariat's choice, per record type, to make operator-staff users read-only (issue 4 item 8).
-- No row = operator staff may edit (the default).
CREATE TABLE tenant_record_policy (
    tenant_id                 BIGINT        NOT NULL,
    record_type               VARCHAR(40)   NOT NULL,
    operator_staff_read_only  BOOLEAN       NOT NULL,
    updated_at                TIMESTAMP(3)  NOT NULL,
    updated_by                VARCHAR(255)  NULL,
    PRIMARY KEY (tenant_id, record_type),
    CONSTRAINT fk_tenant_record_policy_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
