-- V40: self-assessment answers a member can give truthfully (issue 10 item 1), catalogue revision 2.
--
-- 1. The secretariat's coding of an answer's free text (the text of 「その他」 or of the product-defined "unlisted"
--    option): IMPLEMENTED | NOT_IMPLEMENTED | KNOWN_OPTION (with the option id), who coded it, when, and why. On the
--    current answer and on the frozen snapshot answer alike: the implementation status of an answer is computed from
--    option_ids, other_text and this coding only (ImplementationRule). Cleared when the member changes the text.
-- 2. Existing answers move to the revision-2 answer model without losing anything. Under revision 1, the 28
--    questions below had no option list and were answered in free text (option_ids '[]' + other_text); they now
--    offer options (the product-defined "unlisted" = an answer in the member's own words, and 「該当なし」). Such
--    answers become option "unlisted" with the same text, in the current answers and in frozen snapshots; the
--    previous option ids are kept in legacy_option_ids, the answer's version is bumped (cached ETags go stale, so
--    nobody overwrites the new form unseen) but not its updated_at (the member did not change it: freshness and
--    delta sync are untouched), and the answer's history gets a MIGRATED entry. Every other answer is valid as it
--    is: revision 2 keeps every option id of revision 1.

ALTER TABLE self_assessment_answer
    ADD COLUMN text_coding            VARCHAR(20)   NULL AFTER notes,   -- IMPLEMENTED | NOT_IMPLEMENTED | KNOWN_OPTION
    ADD COLUMN text_coding_option_id  VARCHAR(120)  NULL AFTER text_coding,
    ADD COLUMN text_coding_comment    TEXT          NULL AFTER text_coding_option_id,
    ADD COLUMN text_coded_by          VARCHAR(255)  NULL AFTER text_coding_comment,
    ADD COLUMN text_coded_by_subject  VARCHAR(64)   NULL AFTER text_coded_by,
    ADD COLUMN text_coded_at          TIMESTAMP(3)  NULL AFTER text_coded_by_subject,
    ADD COLUMN legacy_option_ids      TEXT          NULL AFTER text_coded_at; -- option_ids before V40, when V40 changed them

ALTER TABLE self_assessment_snapshot_answer
    ADD COLUMN text_coding            VARCHAR(20)   NULL AFTER notes,
    ADD COLUMN text_coding_option_id  VARCHAR(120)  NULL AFTER text_coding,
    ADD COLUMN text_coding_comment    TEXT          NULL AFTER text_coding_option_id,
    ADD COLUMN text_coded_by          VARCHAR(255)  NULL AFTER text_coding_comment,
    ADD COLUMN text_coded_by_subject  VARCHAR(64)   NULL AFTER text_coded_by,
    ADD COLUMN text_coded_at          TIMESTAMP(3)  NULL AFTER text_coded_by_subject,
    ADD COLUMN legacy_option_ids      TEXT          NULL AFTER text_coded_at;

-- The questions answered in free text under revision 1 that offer "unlisted" under revision 2.
CREATE TEMPORARY TABLE v40_free_text_question (question_id VARCHAR(120) NOT NULL PRIMARY KEY)
    DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO v40_free_text_question (question_id) VALUES
    ('q.governance.regular-communication'),
    ('q.governance.responsibility-authority-measures'),
    ('q.governance.disclosure-criteria'),
    ('q.risk.environment-organised'),
    ('q.risk.mission-assurance-characteristics'),
    ('q.risk.risk-assessment-methods'),
    ('q.risk.risk-assessment-regular'),
    ('q.risk.information-sharing-parties'),
    ('q.risk.information-sources'),
    ('q.risk.exercises'),
    ('q.org.asset-information-data-management'),
    ('q.org.supplier-management'),
    ('q.org.malware-protection'),
    ('q.org.backup'),
    ('q.org.log-management'),
    ('q.org.operational-software'),
    ('q.org.vulnerability-management'),
    ('q.org.system-acquisition-development-maintenance'),
    ('q.org.incident-management'),
    ('q.human.human-resources-outsourcing'),
    ('q.physical.physical-environmental'),
    ('q.technical.account-management'),
    ('q.technical.access-control'),
    ('q.technical.cryptography'),
    ('q.technical.communications-security'),
    ('q.technical.email-measures'),
    ('q.technical.control-system-ot-measures'),
    ('q.cloud.provider-checks');

UPDATE self_assessment_answer
   SET legacy_option_ids = option_ids, option_ids = '["unlisted"]', version = version + 1
 WHERE option_ids = '[]' AND other_text IS NOT NULL
   AND question_id IN (SELECT question_id FROM v40_free_text_question);

INSERT INTO record_change (tenant_id, record_type, record_id, member_operator_id, seq, changed_at, actor_subject,
                           actor_name, change_type, before_json, after_json)
SELECT a.tenant_id, 'self-assessment', a.id, a.member_operator_id,
       (SELECT COALESCE(MAX(rc.seq), 0) + 1 FROM record_change rc
         WHERE rc.tenant_id = a.tenant_id AND rc.record_type = 'self-assessment' AND rc.record_id = a.id),
       CURRENT_TIMESTAMP(3), NULL, 'V40 catalogue revision 2', 'MIGRATED',
       CONCAT('{"optionIds":', a.legacy_option_ids, '}'), '{"optionIds":["unlisted"]}'
  FROM self_assessment_answer a
 WHERE a.legacy_option_ids IS NOT NULL;

-- the answer set's ETag changes with the answers' versions
UPDATE self_assessment_answer_set s
   SET revision = revision + 1
 WHERE EXISTS (SELECT 1 FROM self_assessment_answer a WHERE a.tenant_id = s.tenant_id
                  AND a.member_operator_id = s.member_operator_id AND a.legacy_option_ids IS NOT NULL);

UPDATE self_assessment_snapshot_answer
   SET legacy_option_ids = option_ids, option_ids = '["unlisted"]'
 WHERE option_ids = '[]' AND other_text IS NOT NULL
   AND question_id IN (SELECT question_id FROM v40_free_text_question);

DROP TEMPORARY TABLE v40_free_text_question;
