-- Core platform tables: tenants (one per CEPTOAR plus the national tenant), application users, audit log
-- and idempotency records. Every tenant-owned table carries tenant_id first in every key.

CREATE TABLE tenant (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(40)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,           -- CEPTOAR | NATIONAL
    name_ja         VARCHAR(200) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    ceptoar_code    VARCHAR(40)  NULL,               -- ceptoar_directory.code when the tenant is a listed CEPTOAR
    realm_name      VARCHAR(60)  NOT NULL,
    issuer          VARCHAR(500) NOT NULL,
    status          VARCHAR(20)  NOT NULL,           -- ACTIVE | SUSPENDED
    stale_after_days INT         NOT NULL DEFAULT 180,
    created_at      TIMESTAMP(3) NOT NULL,
    updated_at      TIMESTAMP(3) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_tenant_code UNIQUE (code),
    CONSTRAINT uk_tenant_realm UNIQUE (realm_name),
    CONSTRAINT uk_tenant_issuer UNIQUE (issuer(255))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT       NOT NULL,
    subject             VARCHAR(64)  NOT NULL,       -- Keycloak user id (sub claim)
    username            VARCHAR(255) NOT NULL,
    email               VARCHAR(255) NULL,
    display_name        VARCHAR(200) NULL,
    role                VARCHAR(40)  NOT NULL,
    member_operator_id  BIGINT       NULL,
    status              VARCHAR(20)  NOT NULL,       -- ACTIVE | DISABLED
    last_seen_at        TIMESTAMP(3) NULL,
    created_at          TIMESTAMP(3) NOT NULL,
    updated_at          TIMESTAMP(3) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_subject UNIQUE (tenant_id, subject),
    CONSTRAINT uk_app_user_username UNIQUE (tenant_id, username),
    KEY ix_app_user_member (tenant_id, member_operator_id),
    CONSTRAINT fk_app_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only, hash-chained per tenant: hash = SHA-256(prev_hash | seq | fields...). audit_chain_head serialises
-- appends per tenant (SELECT ... FOR UPDATE) so the chain has no forks with several replicas.
CREATE TABLE audit_chain_head (
    tenant_id   BIGINT      NOT NULL PRIMARY KEY,
    last_seq    BIGINT      NOT NULL,
    last_hash   CHAR(64)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
    tenant_id       BIGINT       NOT NULL,
    seq             BIGINT       NOT NULL,
    occurred_at     TIMESTAMP(3) NOT NULL,
    actor_tenant_id BIGINT       NULL,
    actor_subject   VARCHAR(64)  NULL,
    actor_name      VARCHAR(255) NULL,
    action          VARCHAR(60)  NOT NULL,
    entity_type     VARCHAR(60)  NOT NULL,
    entity_id       VARCHAR(64)  NULL,
    details         TEXT         NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    KEY ix_audit_entity (tenant_id, entity_type, entity_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE idempotency_record (
    tenant_id       BIGINT       NOT NULL,
    subject         VARCHAR(64)  NOT NULL,
    idem_key        VARCHAR(100) NOT NULL,
    request_method  VARCHAR(10)  NOT NULL,
    request_path    VARCHAR(500) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    response_location VARCHAR(500) NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (tenant_id, subject, idem_key),
    KEY ix_idem_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
