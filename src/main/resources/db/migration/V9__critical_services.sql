-- V9: critical services and business systems of a member operator (issue 4 item 4), the readiness record type
-- `critical-services`. Same conventions as V6: tenant_id first in every key, utf8mb4, deletion is a tombstone
-- (deleted_at set, updated_at = deleted_at) so phones learn about it through delta sync. Change history and
-- "confirm unchanged" live in the shared record_change / record_confirmation tables (V7) under the record types
-- `critical-services` (a service's history and the area's confirmation) and `business-systems` (a system's history).
-- Codes are stored as the API's code strings (see jp.ceptoarhub.services.ServiceCodes):
--   business_system.kind:        IT | OT | IOT          (行動計画 脚注6, L2740-2742)
--   business_system.criticality: HIGH | MEDIUM | LOW | NULL
--   business_system.hosting:     ON_PREMISES | CLOUD | HYBRID | NULL

-- A critical service (重要インフラサービス) of a member: normally one of the member's sector's 別紙2 services
-- (template_id = an id of reference-data/service-maintenance-levels.json, e.g. el.generation), or a
-- member-specific service (template_id NULL, name required).
CREATE TABLE critical_service (
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id                BIGINT        NOT NULL,
    member_operator_id       BIGINT        NOT NULL,
    template_id              VARCHAR(80)   NULL,
    name                     VARCHAR(200)  NULL,      -- the member's own name (override); required without template
    description              TEXT          NULL,
    rto_minutes              INT           NULL,      -- recovery time objective, 0..525600 minutes
    rpo_minutes              INT           NULL,      -- recovery point objective, 0..525600 minutes
    own_maintenance_level    TEXT          NULL,      -- the level the member itself states (may be stricter)
    maintenance_level_notes  TEXT          NULL,
    dependency_notes         TEXT          NULL,
    owner_name               VARCHAR(100)  NULL,
    owner_role               VARCHAR(100)  NULL,
    created_at               TIMESTAMP(3)  NOT NULL,
    updated_at               TIMESTAMP(3)  NOT NULL,
    deleted_at               TIMESTAMP(3)  NULL,
    version                  BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_critical_service_member (tenant_id, member_operator_id, id),
    KEY ix_critical_service_member_updated (tenant_id, member_operator_id, updated_at),
    CONSTRAINT fk_critical_service_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to member_operator (as V5/V6): the service checks the member exists in the caller's tenant.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A system (IT, control system / OT, IoT) of a member that supports its critical services.
CREATE TABLE business_system (
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id                BIGINT        NOT NULL,
    member_operator_id       BIGINT        NOT NULL,
    name                     VARCHAR(200)  NOT NULL,
    kind                     VARCHAR(10)   NOT NULL,
    description              TEXT          NULL,
    criticality              VARCHAR(10)   NULL,
    hosting                  VARCHAR(20)   NULL,
    owner_name               VARCHAR(100)  NULL,
    owner_role               VARCHAR(100)  NULL,
    created_at               TIMESTAMP(3)  NOT NULL,
    updated_at               TIMESTAMP(3)  NOT NULL,
    deleted_at               TIMESTAMP(3)  NULL,
    version                  BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_business_system_member (tenant_id, member_operator_id, id),
    KEY ix_business_system_member_updated (tenant_id, member_operator_id, updated_at),
    CONSTRAINT fk_business_system_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which live critical services of the same member a live system supports (rows of a deleted system are removed).
CREATE TABLE business_system_service (
    tenant_id            BIGINT  NOT NULL,
    member_operator_id   BIGINT  NOT NULL,
    system_id            BIGINT  NOT NULL,
    service_id           BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, system_id, service_id),
    KEY ix_business_system_service_service (tenant_id, member_operator_id, service_id),
    CONSTRAINT fk_business_system_service_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign keys to the two tables: they would need indexes led by system_id / service_id, not tenant_id.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which suppliers (record type `suppliers`, validated through its RecordLinks.Target) support a live system.
-- No foreign key: the suppliers table belongs to another feature; it asks RecordLinks.Source before deleting.
CREATE TABLE business_system_supplier (
    tenant_id            BIGINT  NOT NULL,
    member_operator_id   BIGINT  NOT NULL,
    system_id            BIGINT  NOT NULL,
    supplier_id          BIGINT  NOT NULL,
    PRIMARY KEY (tenant_id, system_id, supplier_id),
    KEY ix_business_system_supplier_supplier (tenant_id, member_operator_id, supplier_id),
    CONSTRAINT fk_business_system_supplier_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
