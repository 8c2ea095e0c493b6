-- V30: every continuity plan gets a status of its own (issue 10 item 2).
--
-- Until now a plan's status was an option id of 設問27 (contingency plan) or 設問28 (every other type) of the FY2024
-- questionnaire. 設問28 asks about the BCP and the 事業復旧計画 together, so a 事業復旧計画 could say
-- 「…事業復旧計画は策定していない。」 (bcp-only) and count as in place, and an IT-BCP's status described two other plans.
-- From now on status is DRAFTED | IN_PREPARATION | NOT_DRAFTED and says that of the plan itself (only DRAFTED is in
-- place); cyber coverage stays in cyber_scenarios_covered. The 設問27/28 answers are derived from the plans instead
-- (jp.ceptoarhub.continuity.PlanPrefill).
--
-- Nothing is lost: the old value stays beside the new status in status_before_v30, on every row. The mapping below
-- is PlanCodes.LegacyStatus (ContinuityMigrationTest checks the migrated rows against it):
--   CONTINGENCY_PLAN  with-cyber, without-cyber → DRAFTED; considering → IN_PREPARATION; no-plan → NOT_DRAFTED.
--                     with-cyber fills an unstated cyber_scenarios_covered with YES, without-cyber with NO; a stated
--                     coverage is kept as it is, even where it contradicts the old option (status_before_v30 shows it).
--   BCP, IT_BCP       bcp-and-recovery, bcp-recovery-in-progress, bcp-only → DRAFTED (the BCP part of the option);
--                     bcp-considering-or-drafting → IN_PREPARATION; no-plan → NOT_DRAFTED.
--   RECOVERY_PLAN     the 事業復旧計画 part of the option: bcp-and-recovery → DRAFTED; bcp-recovery-in-progress
--                     (策定中) → IN_PREPARATION; bcp-only (策定していない) → NOT_DRAFTED; bcp-considering-or-drafting →
--                     IN_PREPARATION; no-plan → NOT_DRAFTED.
-- A live plan's version is bumped (cached ETags go stale, so nobody overwrites the new status unseen) but not its
-- updated_at (the member did not change it: freshness and delta sync are untouched; clients re-read with a full
-- sync, CHANGELOG 0.2.0), and its history gets a MIGRATED entry with the changed fields before and after.
-- Deleted plans are converted too, without a history entry (their history ends with DELETED).

ALTER TABLE continuity_plan
    ADD COLUMN status_before_v30 VARCHAR(40) NULL AFTER status;  -- the 設問27/28 option id that was the status

CREATE TEMPORARY TABLE v30_status (
    plan_type            VARCHAR(20) NOT NULL,
    old_status           VARCHAR(40) NOT NULL,
    new_status           VARCHAR(20) NOT NULL,
    cyber_when_unstated  VARCHAR(10) NULL,
    PRIMARY KEY (plan_type, old_status)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO v30_status (plan_type, old_status, new_status, cyber_when_unstated) VALUES
    ('CONTINGENCY_PLAN', 'with-cyber',                  'DRAFTED',        'YES'),
    ('CONTINGENCY_PLAN', 'without-cyber',               'DRAFTED',        'NO'),
    ('CONTINGENCY_PLAN', 'considering',                 'IN_PREPARATION', NULL),
    ('CONTINGENCY_PLAN', 'no-plan',                     'NOT_DRAFTED',    NULL),
    ('BCP',              'bcp-and-recovery',            'DRAFTED',        NULL),
    ('BCP',              'bcp-recovery-in-progress',    'DRAFTED',        NULL),
    ('BCP',              'bcp-only',                    'DRAFTED',        NULL),
    ('BCP',              'bcp-considering-or-drafting', 'IN_PREPARATION', NULL),
    ('BCP',              'no-plan',                     'NOT_DRAFTED',    NULL),
    ('IT_BCP',           'bcp-and-recovery',            'DRAFTED',        NULL),
    ('IT_BCP',           'bcp-recovery-in-progress',    'DRAFTED',        NULL),
    ('IT_BCP',           'bcp-only',                    'DRAFTED',        NULL),
    ('IT_BCP',           'bcp-considering-or-drafting', 'IN_PREPARATION', NULL),
    ('IT_BCP',           'no-plan',                     'NOT_DRAFTED',    NULL),
    ('RECOVERY_PLAN',    'bcp-and-recovery',            'DRAFTED',        NULL),
    ('RECOVERY_PLAN',    'bcp-recovery-in-progress',    'IN_PREPARATION', NULL),
    ('RECOVERY_PLAN',    'bcp-only',                    'NOT_DRAFTED',    NULL),
    ('RECOVERY_PLAN',    'bcp-considering-or-drafting', 'IN_PREPARATION', NULL),
    ('RECOVERY_PLAN',    'no-plan',                     'NOT_DRAFTED',    NULL);

UPDATE continuity_plan SET status_before_v30 = status;

INSERT INTO record_change (tenant_id, record_type, record_id, member_operator_id, seq, changed_at, actor_subject,
                           actor_name, change_type, before_json, after_json)
SELECT p.tenant_id, 'continuity-plans', p.id, p.member_operator_id,
       (SELECT COALESCE(MAX(rc.seq), 0) + 1 FROM record_change rc
         WHERE rc.tenant_id = p.tenant_id AND rc.record_type = 'continuity-plans' AND rc.record_id = p.id),
       CURRENT_TIMESTAMP(3), NULL, 'V30 plan statuses of their own', 'MIGRATED',
       CASE WHEN p.cyber_scenarios_covered IS NULL AND m.cyber_when_unstated IS NOT NULL
            THEN JSON_OBJECT('status', p.status_before_v30, 'cyberScenariosCovered', NULL)
            ELSE JSON_OBJECT('status', p.status_before_v30) END,
       CASE WHEN p.cyber_scenarios_covered IS NULL AND m.cyber_when_unstated IS NOT NULL
            THEN JSON_OBJECT('status', m.new_status, 'cyberScenariosCovered', m.cyber_when_unstated)
            ELSE JSON_OBJECT('status', m.new_status) END
  FROM continuity_plan p
  JOIN v30_status m ON m.plan_type = p.plan_type AND m.old_status = p.status_before_v30
 WHERE p.deleted_at IS NULL
 ORDER BY p.tenant_id, p.id;

UPDATE continuity_plan p
  JOIN v30_status m ON m.plan_type = p.plan_type AND m.old_status = p.status_before_v30
   SET p.status = m.new_status,
       p.cyber_scenarios_covered = COALESCE(p.cyber_scenarios_covered, m.cyber_when_unstated),
       p.version = p.version + IF(p.deleted_at IS NULL, 1, 0);

-- Every stored status was one of the options above; a row that was not would fail here rather than stay unread.
ALTER TABLE continuity_plan
    ADD CONSTRAINT ck_continuity_plan_status CHECK (status IN ('DRAFTED', 'IN_PREPARATION', 'NOT_DRAFTED'));

DROP TEMPORARY TABLE v30_status;
