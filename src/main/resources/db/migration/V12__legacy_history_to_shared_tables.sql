-- V12: contacts (V5) and continuity plans (V6) join the change history and "confirm unchanged" tables every other
-- record type shares (V7). Every row of their own tables moves, unchanged (tenant, record, member, seq, time, actor,
-- change type, before/after JSON; confirmation time and who), under the record type codes contacts and
-- continuity-plans; history rows keep the order they were written in (ids ascending). Then the legacy tables go.
-- History pages are keyset-paged by record_change.id, so a history cursor issued before this migration is not valid
-- after it (CHANGELOG.md, 0.2.0). No record_change row of either type can exist yet: the code before this version
-- wrote their history only to the legacy tables.

INSERT INTO record_change (tenant_id, record_type, record_id, member_operator_id, seq, changed_at, actor_subject,
                           actor_name, change_type, before_json, after_json)
SELECT tenant_id, 'contacts', contact_id, member_operator_id, seq, changed_at, actor_subject, actor_name,
       change_type, before_json, after_json
FROM contact_change
ORDER BY id;

INSERT INTO record_change (tenant_id, record_type, record_id, member_operator_id, seq, changed_at, actor_subject,
                           actor_name, change_type, before_json, after_json)
SELECT tenant_id, 'continuity-plans', plan_id, member_operator_id, seq, changed_at, actor_subject, actor_name,
       change_type, before_json, after_json
FROM continuity_plan_change
ORDER BY id;

INSERT INTO record_confirmation (tenant_id, member_operator_id, record_type, confirmed_at, confirmed_by,
                                 confirmed_by_subject)
SELECT tenant_id, member_operator_id, 'contacts', confirmed_at, confirmed_by, confirmed_by_subject
FROM contact_list_confirmation;

INSERT INTO record_confirmation (tenant_id, member_operator_id, record_type, confirmed_at, confirmed_by,
                                 confirmed_by_subject)
SELECT tenant_id, member_operator_id, 'continuity-plans', confirmed_at, confirmed_by, confirmed_by_subject
FROM continuity_plan_confirmation;

DROP TABLE contact_change;
DROP TABLE contact_list_confirmation;
DROP TABLE continuity_plan_change;
DROP TABLE continuity_plan_confirmation;
