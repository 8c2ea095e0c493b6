-- V6: continuity plans of a member operator (issue 4 item 5, common behaviour of item 7); same shape as V5 contacts.
-- tenant_id is first in every unique key and index; utf8mb4 so Japanese text round-trips.
-- Codes are stored as the API's code strings (see jp.ceptoarhub.continuity.PlanCodes):
--   plan_type: CONTINGENCY_PLAN | BCP | IT_BCP | RECOVERY_PLAN
--   status:    option ids of 設問27 (CONTINGENCY_PLAN) or 設問28 (BCP, IT_BCP, RECOVERY_PLAN) of
--              reference-data/assessment-catalogue-fy2024.json, e.g. with-cyber, bcp-only
--   cyber_scenarios_covered: YES | NO | PARTIAL | NULL (not stated)
-- Deletion is a tombstone (deleted_at set, updated_at = deleted_at) so phones learn about it through delta sync.

CREATE TABLE continuity_plan (
    id                       BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id                BIGINT        NOT NULL,
    member_operator_id       BIGINT        NOT NULL,
    plan_type                VARCHAR(20)   NOT NULL,
    status                   VARCHAR(40)   NOT NULL,
    cyber_scenarios_covered  VARCHAR(10)   NULL,
    last_reviewed_on         DATE          NULL,
    last_exercised_on        DATE          NULL,
    next_review_due          DATE          NULL,
    owner_name               VARCHAR(100)  NULL,
    owner_role               VARCHAR(100)  NULL,
    scope_notes              TEXT          NULL,
    escalates_to_plan_id     BIGINT        NULL,      -- IT_BCP only: a BCP of the same member (checked by the service)
    created_at               TIMESTAMP(3)  NOT NULL,
    updated_at               TIMESTAMP(3)  NOT NULL,
    deleted_at               TIMESTAMP(3)  NULL,
    version                  BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_continuity_plan_member (tenant_id, member_operator_id, id),
    KEY ix_continuity_plan_member_updated (tenant_id, member_operator_id, updated_at),
    CONSTRAINT fk_continuity_plan_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to member_operator (as V5): the service checks the member exists in the caller's tenant.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a plan, attributable: who, when, what (only the changed fields, before and after, as JSON).
CREATE TABLE continuity_plan_change (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id           BIGINT        NOT NULL,
    plan_id             BIGINT        NOT NULL,
    member_operator_id  BIGINT        NOT NULL,
    seq                 INT           NOT NULL,      -- 1, 2, ... per plan
    changed_at          TIMESTAMP(3)  NOT NULL,
    actor_subject       VARCHAR(64)   NULL,
    actor_name          VARCHAR(255)  NULL,
    change_type         VARCHAR(20)   NOT NULL,      -- CREATED | UPDATED | DELETED | CONFIRMED
    before_json         MEDIUMTEXT    NULL,
    after_json          MEDIUMTEXT    NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_continuity_plan_change_seq UNIQUE (tenant_id, plan_id, seq),
    KEY ix_continuity_plan_change_member (tenant_id, member_operator_id, changed_at),
    CONSTRAINT fk_continuity_plan_change_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Confirm unchanged": the member's latest re-confirmation of all its continuity plans (refreshes freshness).
CREATE TABLE continuity_plan_confirmation (
    tenant_id            BIGINT        NOT NULL,
    member_operator_id   BIGINT        NOT NULL,
    confirmed_at         TIMESTAMP(3)  NOT NULL,
    confirmed_by         VARCHAR(255)  NULL,
    confirmed_by_subject VARCHAR(64)   NULL,
    PRIMARY KEY (tenant_id, member_operator_id),
    CONSTRAINT fk_continuity_confirmation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
