-- V5: crisis contact list / call tree of a member operator (issue 4 item 1, common behaviour of item 7).
-- tenant_id is first in every unique key and index; utf8mb4 so Japanese names round-trip.
-- Codes are stored as the API's code strings (see jp.ceptoarhub.contacts.ContactCodes). Functions and channels are
-- small lists owned by one contact, stored as JSON text and validated by the service:
--   functions_json: [{"function":"POC|INCIDENT_CONTACT|BCP_OWNER","order":"PRIMARY|DEPUTY|AFTER_HOURS"}, ...]
--   channels_json:  [{"type":"EMAIL|PHONE|MOBILE","value":"...","verifiedAt":"2026-04-01"|null}, ...]
-- Deletion is a tombstone (deleted_at set, updated_at = deleted_at) so phones learn about it through delta sync.

CREATE TABLE contact (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    member_operator_id  BIGINT        NOT NULL,
    name_ja             VARCHAR(100)  NOT NULL,
    name_kana           VARCHAR(100)  NOT NULL,
    name_en             VARCHAR(100)  NULL,
    org_role            VARCHAR(40)   NOT NULL,      -- EXECUTIVE | CISO | STRATEGIC_MANAGEMENT | SYSTEM_STAFF | ...
    department          VARCHAR(200)  NULL,
    functions_json      VARCHAR(1000) NOT NULL,
    channels_json       TEXT          NOT NULL,
    availability        VARCHAR(20)   NOT NULL,      -- H24 | BUSINESS_HOURS
    availability_hours  VARCHAR(200)  NULL,
    notes               TEXT          NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    deleted_at          TIMESTAMP(3)  NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_contact_member (tenant_id, member_operator_id, id),
    KEY ix_contact_member_updated (tenant_id, member_operator_id, updated_at),
    CONSTRAINT fk_contact_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to member_operator: it would need an index led by member_operator_id (not tenant_id). The
    -- service checks the member exists in the caller's tenant (MemberService) before every write.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a contact, attributable: who, when, what (only the changed fields, before and after, as JSON).
CREATE TABLE contact_change (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    contact_id          BIGINT        NOT NULL,
    member_operator_id  BIGINT        NOT NULL,
    seq                 INT           NOT NULL,      -- 1, 2, ... per contact
    changed_at          TIMESTAMP(3)  NOT NULL,
    actor_subject       VARCHAR(64)   NULL,
    actor_name          VARCHAR(255)  NULL,
    change_type         VARCHAR(20)   NOT NULL,      -- CREATED | UPDATED | DELETED | CONFIRMED
    before_json         MEDIUMTEXT    NULL,
    after_json          MEDIUMTEXT    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_contact_change_seq UNIQUE (tenant_id, contact_id, seq),
    KEY ix_contact_change_member (tenant_id, member_operator_id, changed_at),
    CONSTRAINT fk_contact_change_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Confirm unchanged": the member's latest re-confirmation of its whole contact list (refreshes freshness).
CREATE TABLE contact_list_confirmation (
    tenant_id           BIGINT        NOT NULL,
    member_operator_id  BIGINT        NOT NULL,
    confirmed_at        TIMESTAMP(3)  NOT NULL,
    confirmed_by        VARCHAR(255)  NULL,          -- username of the confirming user
    confirmed_by_subject VARCHAR(64)  NULL,
    PRIMARY KEY (tenant_id, member_operator_id),
    CONSTRAINT fk_contact_confirmation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
