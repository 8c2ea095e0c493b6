-- V80: national summaries (issue 15). A release is one snapshot of every contributing CEPTOAR's readiness data
-- for a reference date (基準日), protected by cell suppression and written once: the published JSON and CSV, the
-- audit rendering (parameters and reason codes, platform admins only) and the snapshot it was computed from (the
-- member-level input, needed to protect later releases against differencing; never served by any route).
-- Owned by the national tenant: tenant_id first in every key; utf8mb4.
CREATE TABLE national_release (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id            BIGINT        NOT NULL,
    reference_date       DATE          NOT NULL,
    algorithm_version    VARCHAR(40)   NOT NULL,
    ceptoars             INT           NOT NULL,   -- contributing CEPTOAR tenants
    respondents          INT           NOT NULL,   -- members with an accepted submission
    suppressed_cells     INT           NOT NULL,
    release_json         LONGBLOB      NOT NULL,   -- UTF-8, as NISC reads it
    release_csv          LONGBLOB      NOT NULL,   -- UTF-8 with BOM
    audit_json           LONGBLOB      NOT NULL,   -- parameters, reason codes, escalations, statistics
    snapshot_json        LONGBLOB      NOT NULL,   -- gzip: the member-level input (pseudonymous member keys)
    created_by           VARCHAR(255)  NULL,
    created_by_subject   VARCHAR(64)   NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_national_release_tenant (tenant_id, id),
    CONSTRAINT fk_national_release_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
