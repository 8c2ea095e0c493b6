-- V8: the supply chain of a member operator (issue 4 item 2): its tier-1 suppliers and contractors.
-- Same shape as V6 continuity plans, but the change history and "confirm unchanged" live in the shared V7 tables
-- record_change / record_confirmation under record_type 'suppliers'.
-- tenant_id is first in every key; utf8mb4 so Japanese text round-trips. Codes are stored as the API's code
-- strings (see jp.ceptoarhub.suppliers.SupplierCodes and reference-data/service-maintenance-levels.json):
--   supplier_types:      JSON array of supplierTypes codes of the reference data (SYSTEM_VENDOR, ...), at least one
--   services_supplied:   JSON array of short texts;  critical_systems: JSON array of short texts
--   criticality:         HIGH | MEDIUM | LOW | NULL (product-defined)
--   contract_clauses:    JSON array of INCIDENT_NOTIFICATION | SECURITY_REQUIREMENTS | AUDIT_RIGHT |
--                        SUBCONTRACTING_APPROVAL | DATA_RETURN_DELETION | VULNERABILITY_HANDLING (product-defined)
--   resubcontracting:    NONE | WITH_APPROVAL | WITHOUT_APPROVAL | UNKNOWN | NULL (product-defined)
--   country:             ISO 3166-1 alpha-2
-- Deletion is a tombstone (deleted_at set, updated_at = deleted_at) so phones learn about it through delta sync.

CREATE TABLE supplier (
    id                            BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id                     BIGINT        NOT NULL,
    member_operator_id            BIGINT        NOT NULL,
    name_ja                       VARCHAR(200)  NOT NULL,
    name_kana                     VARCHAR(200)  NULL,
    name_en                       VARCHAR(200)  NULL,
    corporate_number              CHAR(13)      NULL,      -- 法人番号 with its check digit
    supplier_types                VARCHAR(500)  NOT NULL,
    services_supplied             TEXT          NOT NULL,
    critical_systems              MEDIUMTEXT    NOT NULL,
    criticality                   VARCHAR(10)   NULL,
    contract_clauses              VARCHAR(500)  NOT NULL,
    contract_reviewed_on          DATE          NULL,
    incident_contact_name         VARCHAR(100)  NULL,
    incident_contact_phone        VARCHAR(40)   NULL,
    incident_contact_email        VARCHAR(254)  NULL,
    incident_contact_after_hours  BOOLEAN       NULL,
    country                       CHAR(2)       NULL,
    resubcontracting              VARCHAR(20)   NULL,
    resubcontracting_notes        VARCHAR(1000) NULL,
    notes                         TEXT          NULL,
    created_at                    TIMESTAMP(3)  NOT NULL,
    updated_at                    TIMESTAMP(3)  NOT NULL,
    deleted_at                    TIMESTAMP(3)  NULL,
    version                       BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_supplier_member (tenant_id, member_operator_id, id),
    KEY ix_supplier_member_updated (tenant_id, member_operator_id, updated_at),
    KEY ix_supplier_corporate_number (tenant_id, corporate_number),
    CONSTRAINT fk_supplier_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to member_operator (as V5, V6): the service checks the member exists in the caller's tenant.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
