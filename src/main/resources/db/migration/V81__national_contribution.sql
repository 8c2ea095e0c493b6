-- V81: whether a CEPTOAR contributes its members' data to the national summaries (issue 15 item 1). Owned by the
-- CEPTOAR tenant and set by its secretariat admin; no row = contributes (the default). A release reads the setting
-- when it takes its snapshot, so a change takes effect from the next release.
CREATE TABLE national_contribution (
    tenant_id            BIGINT        NOT NULL,
    contributes          BOOLEAN       NOT NULL,
    updated_by           VARCHAR(255)  NULL,
    updated_by_subject   VARCHAR(64)   NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    version              BIGINT        NOT NULL,   -- ETag; the default (no row) is version 0
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_national_contribution_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
