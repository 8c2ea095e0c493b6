-- V11: readiness self-assessment (issue 4 item 6). The questionnaire catalogue itself is reference data
-- (reference-data/assessment-catalogue-fy2024.json); these tables hold the member's current answers, the campaigns
-- of the secretariat and the frozen snapshots submitted for them. Change history and "confirm unchanged" use the
-- shared record_change / record_confirmation tables of V7 (record types self-assessment and
-- self-assessment-submission). tenant_id is first in every key; utf8mb4 so Japanese text round-trips.

-- One current answer per (member, question), kept current from phone or web. A cleared answer is a tombstone
-- (deleted_at set, updated_at = deleted_at) so phones learn about it through delta sync; answering again revives
-- the row. option_ids is a JSON array of the catalogue's option ids of the question (checked by the service).
CREATE TABLE self_assessment_answer (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id            BIGINT        NOT NULL,
    member_operator_id   BIGINT        NOT NULL,
    question_id          VARCHAR(120)  NOT NULL,   -- stable catalogue question id, e.g. q.governance.audit
    catalogue_version    VARCHAR(20)   NOT NULL,   -- e.g. fy2024
    option_ids           TEXT          NOT NULL,   -- JSON array, [] for free-text answers
    other_text           TEXT          NULL,
    notes                TEXT          NULL,
    answered_by          VARCHAR(255)  NULL,
    answered_by_subject  VARCHAR(64)   NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    deleted_at           TIMESTAMP(3)  NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_self_assessment_answer_question UNIQUE (tenant_id, member_operator_id, question_id),
    KEY ix_self_assessment_answer_member (tenant_id, member_operator_id, id),
    KEY ix_self_assessment_answer_updated (tenant_id, member_operator_id, updated_at),
    CONSTRAINT fk_self_assessment_answer_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The revision of a member's whole answer set (bumped by every answer write): the answer set's ETag, and the row
-- every answer write of the member locks first, so concurrent writes of one member are serialised.
CREATE TABLE self_assessment_answer_set (
    tenant_id            BIGINT        NOT NULL,
    member_operator_id   BIGINT        NOT NULL,
    revision             BIGINT        NOT NULL DEFAULT 0,
    updated_at           TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (tenant_id, member_operator_id),
    CONSTRAINT fk_self_assessment_answer_set_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A campaign of the secretariat: members submit a snapshot of their answers as of the reference date (基準日)
-- by the deadline.
CREATE TABLE self_assessment_campaign (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id            BIGINT        NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    reference_date       DATE          NOT NULL,
    deadline             DATE          NOT NULL,   -- inclusive, JST; not before reference_date
    catalogue_version    VARCHAR(20)   NOT NULL,
    description          TEXT          NULL,
    created_by           VARCHAR(255)  NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_self_assessment_campaign_tenant (tenant_id, id),
    CONSTRAINT fk_self_assessment_campaign_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member's submission for a campaign: status SUBMITTED | ACCEPTED | RETURNED; a returned submission may be
-- submitted again (round 2, 3, ...), every round keeps its own frozen snapshot.
CREATE TABLE self_assessment_submission (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id             BIGINT        NOT NULL,
    campaign_id           BIGINT        NOT NULL,
    member_operator_id    BIGINT        NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    round                 INT           NOT NULL,
    catalogue_version     VARCHAR(20)   NOT NULL,
    first_submitted_at    TIMESTAMP(3)  NOT NULL,
    submitted_at          TIMESTAMP(3)  NOT NULL,
    submitted_by          VARCHAR(255)  NULL,
    submitted_by_subject  VARCHAR(64)   NULL,
    reviewed_at           TIMESTAMP(3)  NULL,
    reviewed_by           VARCHAR(255)  NULL,
    review_comment        TEXT          NULL,
    updated_at            TIMESTAMP(3)  NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_self_assessment_submission UNIQUE (tenant_id, campaign_id, member_operator_id),
    KEY ix_self_assessment_submission_member (tenant_id, member_operator_id),
    CONSTRAINT fk_self_assessment_submission_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
    -- No foreign key to the campaign or member (as V5/V6): its index would not start with tenant_id; the service
    -- checks both belong to the caller's tenant.
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The frozen copy of the member's answers at submission (one row per answered question per round); never updated.
CREATE TABLE self_assessment_snapshot_answer (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    tenant_id            BIGINT        NOT NULL,
    submission_id        BIGINT        NOT NULL,
    round                INT           NOT NULL,
    question_id          VARCHAR(120)  NOT NULL,
    catalogue_version    VARCHAR(20)   NOT NULL,
    option_ids           TEXT          NOT NULL,
    other_text           TEXT          NULL,
    notes                TEXT          NULL,
    answer_version       BIGINT        NOT NULL,
    answered_at          TIMESTAMP(3)  NOT NULL,
    answered_by          VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_self_assessment_snapshot_answer UNIQUE (tenant_id, submission_id, round, question_id),
    CONSTRAINT fk_self_assessment_snapshot_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
