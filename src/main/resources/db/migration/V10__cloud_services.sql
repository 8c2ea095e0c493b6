-- V10: the cloud services inventory of a member operator (issue 4 item 3): one row per cloud service the member
-- uses, with the fields of domain/004d-cloud-council-law.md §5.3 (see jp.ceptoarhub.cloud.CloudFields and
-- src/main/resources/db/REFERENCE-DATA.md for what is sourced and what is product-defined).
-- tenant_id is first in every key and index; utf8mb4 so Japanese text round-trips.
-- Codes are stored as the API's code strings (jp.ceptoarhub.cloud.CloudCodes). Countries are ISO 3166-1 alpha-2.
--
-- The structured lists (設問55 checks, 設問56 measures, certifications, contract parties, data roles, the
-- responsibility split, communication links, incident contacts, terms changes) and the lists of codes are JSON
-- arrays in JSON columns, not child tables: each list is always read, validated, versioned (one ETag, one history
-- entry) and replaced together with its service; nothing queries an entry on its own, and the national
-- concentration summaries group by provider_name, a column of its own. Child tables would add a write per entry and
-- a join per read for no query the product needs. The service validates every entry (CloudRules) before writing.
--
-- Change history and "confirm unchanged" live in the shared record_change / record_confirmation tables (V7) under
-- the record type 'cloud-services'. Deletion is a tombstone (deleted_at set, updated_at = deleted_at) so phones learn
-- about it through delta sync.

CREATE TABLE cloud_service (
    id                            BIGINT         NOT NULL AUTO_INCREMENT,
    tenant_id                     BIGINT         NOT NULL,
    member_operator_id            BIGINT         NOT NULL,
    -- identification and structure
    provider_name                 VARCHAR(200)   NOT NULL,
    service_name                  VARCHAR(200)   NOT NULL,
    service_models                JSON           NOT NULL,   -- ["IAAS", "PAAS", ...]
    deployment_model              VARCHAR(20)    NULL,
    multi_cloud                   BOOLEAN        NULL,
    supported_services            TEXT           NULL,
    importance                    VARCHAR(20)    NULL,
    data_carried                  TEXT           NULL,
    managed_service               BOOLEAN        NULL,
    re_subcontracting             VARCHAR(20)    NULL,
    re_subcontracting_prohibited  BOOLEAN        NULL,
    resold_by_intermediary        BOOLEAN        NULL,
    provider_support_structure    VARCHAR(30)    NULL,
    contract_parties              JSON           NOT NULL,
    data_roles                    JSON           NOT NULL,
    -- responsibility split
    responsibilities              JSON           NOT NULL,
    -- data location
    provider_country              CHAR(2)        NULL,
    data_countries                JSON           NOT NULL,   -- ["JP", "US"]
    data_country_unidentifiable   BOOLEAN        NULL,
    data_country_notes            TEXT           NULL,
    regions                       JSON           NOT NULL,
    multi_region                  BOOLEAN        NULL,
    foreign_law_exposure          TEXT           NULL,
    customer_managed_keys         BOOLEAN        NULL,
    key_management                TEXT           NULL,
    personal_data                 BOOLEAN        NULL,
    personal_data_treatment       VARCHAR(30)    NULL,
    personal_data_basis           VARCHAR(30)    NULL,
    personal_data_measures        TEXT           NULL,
    -- SLA, support, logs, exit, certifications
    sla_availability_percent      DECIMAL(6,3)   NULL,
    sla_notes                     TEXT           NULL,
    slo_disclosed                 BOOLEAN        NULL,
    support24x365                 BOOLEAN        NULL,
    onsite_support                BOOLEAN        NULL,
    support_notes                 TEXT           NULL,
    log_types                     TEXT           NULL,
    log_retention_days            INT            NULL,
    log_fee                       BOOLEAN        NULL,
    log_notes                     TEXT           NULL,
    exit_terms                    TEXT           NULL,
    -- disclosure, notification, reliability
    disclosure_notes              TEXT           NULL,
    notification_method           VARCHAR(500)   NULL,
    executive_summary_notices     BOOLEAN        NULL,
    pre_publication_notice        BOOLEAN        NULL,
    domestic_overseas_parity      BOOLEAN        NULL,
    outage_history                TEXT           NULL,
    certifications                JSON           NOT NULL,
    -- 設問55 checks with the provider, 設問56 operational measures
    checks                        JSON           NOT NULL,
    measures                      JSON           NOT NULL,
    -- user-side operation
    accountable_person            VARCHAR(100)   NULL,
    persons_in_charge             VARCHAR(200)   NULL,
    threat_info_collector         VARCHAR(100)   NULL,
    communications                JSON           NOT NULL,
    last_assessment_on            DATE           NULL,
    last_pentest_on               DATE           NULL,
    assessment_interval_months    INT            NULL,
    backup_strategies             JSON           NOT NULL,
    endpoint_controls             TEXT           NULL,
    cyber_insurance               BOOLEAN        NULL,
    incident_contacts             JSON           NOT NULL,
    terms_changes                 JSON           NOT NULL,
    -- owner and notes
    owner_name                    VARCHAR(100)   NULL,
    owner_role                    VARCHAR(100)   NULL,
    notes                         TEXT           NULL,
    created_at                    TIMESTAMP(3)   NOT NULL,
    updated_at                    TIMESTAMP(3)   NOT NULL,
    deleted_at                    TIMESTAMP(3)   NULL,
    version                       BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_cloud_service_member (tenant_id, member_operator_id, id),
    KEY ix_cloud_service_member_updated (tenant_id, member_operator_id, updated_at),
    KEY ix_cloud_service_provider (tenant_id, provider_name),
    CONSTRAINT fk_cloud_service_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to member_operator (as V5/V6): the service checks the member exists in the caller's tenant.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
