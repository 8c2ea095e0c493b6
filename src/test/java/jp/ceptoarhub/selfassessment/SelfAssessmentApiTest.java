package jp.ceptoarhub.selfassessment;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentApiTest extends SelfAssessmentTestSupport {
    @Inject
    JsonMapper json;
    @Inject
    List<RecordExport> exports;
    @Inject
    List<RecordFreshness> freshness;

    @Test
    void catalogueIdsAreUniqueAndStableAndOptionListsAreNeverInvented() throws Exception {
        Map raw;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("reference-data/assessment-catalogue-fy2024.json"))) {
            raw = json.readValue(in.readAllBytes(), Argument.of(Map.class));
        }
        Set<String> questionIds = new HashSet<>();
        Set<String> globalOptionIds = new HashSet<>();
        for (Map q : (List<Map>) raw.get("questions")) {
            String id = (String) q.get("id");
            assertThat(id).matches("q\\.[a-z0-9.-]+");
            assertThat(questionIds.add(id)).as("question id %s is unique", id).isTrue();
            Set<String> optionIds = new HashSet<>();
            for (Map o : (List<Map>) q.get("options")) {
                assertThat((String) o.get("id")).matches("[a-z0-9.-]+");
                assertThat(optionIds.add((String) o.get("id"))).as("option %s/%s unique", id, o.get("id")).isTrue();
                assertThat(globalOptionIds.add(id + "/" + o.get("id"))).isTrue();
            }
            if ("NOT_IN_SOURCE".equals(q.get("optionsStatus"))) {
                assertThat((List<Map>) q.get("options")).as("%s has no invented source options", id)
                        .allMatch(o -> "PRODUCT".equals(o.get("origin")));
            }
        }
        for (Map q : (List<Map>) raw.get("fy2023OnlyQuestions")) {
            assertThat(questionIds).as("FY2023-only ids are not reused").doesNotContain((String) q.get("id"));
        }
        assertThat(questionIds).hasSize(72);
        // ids other features and stored answers rely on
        assertThat(questionIds).contains(AUDIT, MITIGATIONS, UNDERSTOOD, BACKUP, REASONS, "q.risk.contingency-plan",
                "q.risk.business-continuity-plan", "q.respondent.capital");
        assertThat(globalOptionIds).contains(AUDIT + "/internal-only", AUDIT + "/no-answer", MITIGATIONS + "/other",
                "q.risk.contingency-plan/with-cyber", "q.risk.business-continuity-plan/bcp-only");

        // the API serves the same ids, numbers and crosswalk, in both languages
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        Map ja = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/self-assessment/catalogue")
                .header("Accept-Language", "ja").bearerAuth(sec), Map.class);
        assertThat(ja.get("version")).isEqualTo("fy2024");
        List<Map> questions = (List<Map>) ja.get("questions");
        assertThat(questions).extracting(q -> q.get("id")).containsExactlyElementsOf(((List<Map>) raw.get("questions"))
                .stream().map(q -> q.get("id")).toList());
        Map audit = questions.stream().filter(q -> AUDIT.equals(q.get("id"))).findFirst().orElseThrow();
        assertThat(audit).containsEntry("numberFy2024", "設問11").containsEntry("numberFy2023", "設問29")
                .containsEntry("answerKind", "SINGLE_CHOICE").containsEntry("optionsStatus", "COMPLETE")
                .containsEntry("answerMode", "OPTIONS").containsEntry("sectionId", "governance")
                .containsEntry("requiredForCompleteness", true);
        Map internalOnly = ((List<Map>) audit.get("options")).get(1);
        assertThat(internalOnly).containsEntry("id", "internal-only").containsEntry("label", "内部監査のみ実施している")
                .containsEntry("kind", "SUBSTANTIVE").containsEntry("countsAsImplemented", true)
                .containsEntry("selectable", true).containsEntry("origin", "SOURCE").containsEntry("labelVerbatim", true);
        assertThat((Map) audit.get("implementationRule")).containsEntry("scored", true)
                .containsEntry("countingOptionIds", List.of("board-and-internal", "internal-only", "board-only"))
                .containsEntry("basis", "PUBLISHED_HEADLINE");
        assertThat((String) ((Map) audit.get("implementationRule")).get("basisJa")).contains("8割強");
        assertThat((Map) audit.get("crosswalkFy2023")).containsEntry("number", "設問29")
                .containsEntry("answers", "SAME_OPTIONS");
        assertThat(ja.get("title")).isEqualTo("安全基準等の浸透状況に関する調査 [2024年度]");
        assertThat(ja.get("revision")).isEqualTo(2);
        assertThat(((List<Map>) audit.get("options")).getLast()).containsEntry("id", "no-answer")
                .containsEntry("selectable", false);
        // a question whose option list is not in the sources offers only product-defined choices: an answer in the
        // member's own words and 「該当なし」
        Map backup = questions.stream().filter(q -> BACKUP.equals(q.get("id"))).findFirst().orElseThrow();
        assertThat(backup).containsEntry("optionsStatus", "NOT_IN_SOURCE").containsEntry("answerMode", "OPTIONS")
                .containsEntry("requiredForCompleteness", true);
        assertThat((List<Map>) backup.get("options")).extracting(o -> o.get("id") + ":" + o.get("kind") + ":"
                + o.get("origin") + ":" + o.get("requiresText"))
                .containsExactly("unlisted:OTHER:PRODUCT:true", "none:NONE:PRODUCT:false");
        Map reasons = questions.stream().filter(q -> REASONS.equals(q.get("id"))).findFirst().orElseThrow();
        assertThat(reasons).containsEntry("answerMode", "FREE_TEXT");
        assertThat((Map) reasons.get("implementationRule")).containsEntry("scored", false);
        Map en = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/self-assessment/catalogue")
                .header("Accept-Language", "en").bearerAuth(nisc()), Map.class);
        Map auditEn = ((List<Map>) en.get("questions")).stream().filter(q -> AUDIT.equals(q.get("id"))).findFirst()
                .orElseThrow();
        assertThat(((List<Map>) auditEn.get("options")).get(1).get("label")).isEqualTo("Internal audit only");
        assertThat((List) en.get("sections")).isNotEmpty();
    }

    @Test
    void answerCreateReadReplaceClearWithEtags() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));

        HttpResponse<Map> created = put(op, member, AUDIT, body(List.of("internal-only"), null, "ﾃｽﾄ 来年度に取締役監査"), null);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"self-assessment-answer-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(answer(member, AUDIT));
        assertThat(created.body()).containsEntry("questionNumber", "設問11").containsEntry("catalogueVersion", "fy2024")
                .containsEntry("countsAsImplemented", true).containsEntry("notes", "テスト 来年度に取締役監査");
        assertThat((List) created.body().get("optionLabels")).containsExactly("内部監査のみ実施している");
        // the same answer again: no new version (idempotent by nature)
        HttpResponse<Map> again = put(op, member, AUDIT, body(List.of("internal-only"), null, "テスト 来年度に取締役監査"), etag);
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(etag);

        // replacing needs If-Match: missing 428, stale 412; If-None-Match * on an existing answer 412
        assertThat(error(HttpRequest.PUT(answer(member, AUDIT), body(List.of("neither"), null, null)).bearerAuth(op))
                .code()).isEqualTo(428);
        assertThat(error(HttpRequest.PUT(answer(member, AUDIT), body(List.of("neither"), null, null))
                .header("If-Match", "W/\"self-assessment-answer-" + id + "-v7\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(error(HttpRequest.PUT(answer(member, AUDIT), body(List.of("neither"), null, null))
                .header("If-None-Match", "*").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE id = ? AND version = 0", id)).isEqualTo(1);
        HttpResponse<Map> replaced = put(op, member, AUDIT, body(List.of("neither"), null, null), etag);
        assertThat(replaced.code()).isEqualTo(200);
        assertThat(replaced.body()).containsEntry("countsAsImplemented", false).doesNotContainKey("notes");
        String etag2 = replaced.header("ETag");
        assertThat(etag2).isEqualTo("W/\"self-assessment-answer-" + id + "-v1\"");
        Map en = http.toBlocking().retrieve(HttpRequest.GET(answer(member, AUDIT)).header("Accept-Language", "en")
                .bearerAuth(sec), Map.class);
        assertThat((List) en.get("optionLabels")).containsExactly("Neither board-level nor internal audit");

        // clear: If-Match required; then 404, and answering again revives the same row with 201
        assertThat(error(HttpRequest.DELETE(answer(member, AUDIT)).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(answer(member, AUDIT)).header("If-Match", etag).bearerAuth(op)).code())
                .isEqualTo(412);
        assertThat(exchange(HttpRequest.DELETE(answer(member, AUDIT)).header("If-Match", etag2), op, String.class)
                .code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(answer(member, AUDIT)).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.PUT(answer(member, AUDIT), body(List.of("board-only"), null, null))
                .header("If-Match", etag2).bearerAuth(op)).code()).isEqualTo(412);
        HttpResponse<Map> revived = put(op, member, AUDIT, body(List.of("board-only"), null, null), null);
        assertThat(revived.code()).isEqualTo(201);
        assertThat(((Number) revived.body().get("id")).longValue()).isEqualTo(id);
        assertThat(countAnswers(member)).isEqualTo(1);

        // an answer in the member's own words to a question whose list is not in the sources, and a free-text question
        assertThat(put(op, member, BACKUP, body(List.of("unlisted"), "日次で遠隔地にバックアップ", null), null).body())
                .containsEntry("implementation", "IMPLEMENTED").containsEntry("countsAsImplemented", true)
                .containsEntry("otherText", "日次で遠隔地にバックアップ");
        assertThat(put(op, member, REASONS, body(null, "予算不足", null), null).body())
                .containsEntry("implementation", "NOT_SCORED").doesNotContainKey("countsAsImplemented");
        // その他 with text
        assertThat(put(op, member, MITIGATIONS, body(List.of("other", "incident-reporting"), "定例会議", null), null)
                .body().get("optionIds")).isEqualTo(List.of("incident-reporting", "other")); // catalogue order
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'self-assessment-answer' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(4);
        assertThat(error(HttpRequest.GET(answer(member, "q.no.such-question")).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.PUT(answer(member, "q.no.such-question"), body(List.of("x"), null, null))
                .bearerAuth(op)).code()).isEqualTo(404);
    }

    @Test
    void badAnswersAreA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        record Case(String question, Map<String, Object> body, String field, String detailContains) {
        }
        List<Case> cases = List.of(
                new Case(AUDIT, body(List.of("internal-only", "board-only"), null, null), "optionIds", "single choice"),
                new Case(AUDIT, body(List.of(), null, null), "optionIds", "exactly one"),
                new Case(AUDIT, body(List.of("made-up"), null, null), "optionIds[0]", "not an option"),
                new Case(AUDIT, body(List.of("with-cyber"), null, null), "optionIds[0]", "not an option"), // 設問27's
                new Case(AUDIT, body(List.of("no-answer"), null, null), "optionIds[0]", "not a selectable"),
                new Case(AUDIT, body(List.of("internal-only"), "x", null), "otherText", "notes"),
                new Case(MITIGATIONS, body(List.of("other"), null, null), "otherText", "'other'"),
                new Case(MITIGATIONS, body(List.of("other"), "   ", null), "otherText", "'other'"),
                new Case(MITIGATIONS, body(List.of("incident-reporting", "incident-reporting"), null, null),
                        "optionIds[1]", "twice"),
                new Case(MITIGATIONS, body(List.of(), null, null), "optionIds", "at least one"),
                new Case(UNDERSTOOD, body(List.of("all-understood", "not-understood"), null, null), "optionIds",
                        "cannot be combined"),
                new Case(BACKUP, body(List.of("daily"), "日次", null), "optionIds[0]", "not an option"),
                new Case(BACKUP, body(List.of(), "日次", null), "optionIds", "choose 'unlisted' with otherText"),
                new Case(BACKUP, body(List.of("unlisted"), null, null), "otherText", "own words"),
                new Case(BACKUP, body(List.of("unlisted"), "特になし", null), "otherText", "choose 'none'"),
                new Case(BACKUP, body(List.of("unlisted", "none"), "日次", null), "optionIds", "negative answer"),
                new Case("q.technical.control-system-ot-measures", body(List.of("no-ot-assets",
                        "ot-not-internet-facing"), null, null), "optionIds", "does not apply"),
                new Case(REASONS, body(List.of("unlisted"), "予算", null), "optionIds", "free-text question"),
                new Case(REASONS, body(List.of(), "長".repeat(4001), null), "otherText", "4000"),
                new Case(AUDIT, body(List.of("internal-only"), null, "長".repeat(2001)), "notes", "2000"),
                new Case("q.fy2024.unpublished-58", body(null, "回答", null), "questionId", "not in the published"));
        for (Case c : cases) {
            HttpResponse<Map> r = error(HttpRequest.PUT(answer(member, c.question()), c.body()).bearerAuth(sec));
            assertThat(r.code()).as(c.toString()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(c.toString()).containsExactly(c.field());
            assertThat(detail(r)).as(c.toString()).contains(c.detailContains());
        }
        assertThat(countAnswers(member)).isZero();
        assertThat(countChanges(member)).isZero();
        assertThat(violationFields(error(HttpRequest.GET(answers(member) + "?updatedSince=yesterday").bearerAuth(sec))))
                .containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(answers(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
    }

    @Test
    void batchIsAllOrNothing() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        List<Map<String, Object>> all = completeAnswers(op);
        List<Map<String, Object>> ten = new ArrayList<>(all.subList(0, 9)); // 設問1-9, then 設問11
        ten.add(all.stream().filter(i -> AUDIT.equals(i.get("questionId"))).findFirst().orElseThrow());
        // one bad answer among ten (an option of another question) → none written
        List<Map<String, Object>> bad = new ArrayList<>(ten);
        bad.set(3, item((String) ten.get(3).get("questionId"), List.of("with-cyber"), null));
        HttpResponse<Map> r = error(HttpRequest.PATCH(answers(member), Map.of("answers", bad)).bearerAuth(op));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactly("answers[3].optionIds[0]");
        List<Map<String, Object>> unknown = new ArrayList<>(ten);
        unknown.set(7, item("q.no.such-question", List.of("x"), null));
        unknown.add(item(AUDIT, List.of("internal-only"), null)); // 設問11 is already item 9
        assertThat(violationFields(error(HttpRequest.PATCH(answers(member), Map.of("answers", unknown)).bearerAuth(op))))
                .containsExactlyInAnyOrder("answers[7].questionId", "answers[10].questionId");
        assertThat(violationFields(error(HttpRequest.PATCH(answers(member), Map.of("answers", List.of()))
                .bearerAuth(op)))).containsExactly("answers");
        assertThat(countAnswers(member)).isZero();
        assertThat(countChanges(member)).isZero();

        HttpResponse<Map> ok = batch(op, member, ten);
        assertThat(ok.code()).isEqualTo(200);
        assertThat(((Number) ok.body().get("changed")).intValue()).isEqualTo(10);
        assertThat(countAnswers(member)).isEqualTo(10);
        String setEtag = ok.header("ETag");
        assertThat(setEtag).isEqualTo(ok.body().get("answerSetEtag")).startsWith("W/\"self-assessment-answers-" + member);
        assertThat(etagOf(answers(member), op)).isEqualTo(setEtag);

        // existing answers need their version (428) or the answer set's ETag; a stale version is 412; nothing written
        Map<String, Object> change = item(AUDIT, List.of("internal-only"), null);
        r = error(HttpRequest.PATCH(answers(member), Map.of("answers", List.of(change))).bearerAuth(op));
        assertThat(r.code()).isEqualTo(428);
        assertThat(violationFields(r)).containsExactly("answers[0].version");
        change.put("version", 5);
        r = error(HttpRequest.PATCH(answers(member), Map.of("answers", List.of(change))).bearerAuth(op));
        assertThat(r.code()).isEqualTo(412);
        assertThat(violationFields(r)).containsExactly("answers[0].version");
        change.put("version", 0);
        Map<String, Object> fresh = item(BACKUP, List.of("unlisted"), "クラウドへ日次");
        HttpResponse<Map> stale = error(HttpRequest.PATCH(answers(member), Map.of("answers", List.of(change, fresh)))
                .header("If-Match", "W/\"self-assessment-answers-" + member + "-v0\"").bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ? AND question_id = ?",
                member, BACKUP)).isZero();
        HttpResponse<Map> second = exchange(HttpRequest.PATCH(answers(member), Map.of("answers", List.of(change, fresh)))
                .header("If-Match", setEtag), op, Map.class);
        assertThat(((Number) second.body().get("changed")).intValue()).isEqualTo(2);
        assertThat(second.header("ETag")).isNotEqualTo(setEtag);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ? AND question_id = ? "
                + "AND version = 1", member, AUDIT)).isEqualTo(1);
        // per-item versions work without If-Match
        Map<String, Object> back = item(AUDIT, List.of("board-only"), null);
        back.put("version", 1);
        assertThat(batch(op, member, List.of(back)).body().get("changed")).isEqualTo(1);

        // clearing in a batch: needs the version like an update; a question without an answer is left as it is
        Map<String, Object> clearAudit = new java.util.HashMap<>(Map.of("questionId", AUDIT, "clear", true));
        Map<String, Object> clearNothing = new java.util.HashMap<>(Map.of("questionId", REASONS, "clear", true));
        Map<String, Object> clearWithOptions = item(BACKUP, List.of(), "x");
        clearWithOptions.put("clear", true);
        assertThat(violationFields(error(HttpRequest.PATCH(answers(member), Map.of("answers",
                List.of(clearAudit, clearWithOptions))).bearerAuth(op)))).containsExactly("answers[1].clear");
        HttpResponse<Map> missingVersion = error(HttpRequest.PATCH(answers(member), Map.of("answers",
                List.of(clearAudit, clearNothing))).bearerAuth(op));
        assertThat(missingVersion.code()).isEqualTo(428);
        clearAudit.put("version", 2);
        HttpResponse<Map> cleared = batch(op, member, List.of(clearAudit, clearNothing));
        assertThat(cleared.body().get("changed")).isEqualTo(1);
        List<Map> clearedItems = (List<Map>) cleared.body().get("answers");
        assertThat(clearedItems).hasSize(1);
        assertThat(clearedItems.getFirst()).containsEntry("questionId", AUDIT).containsEntry("deleted", true);
        assertThat(error(HttpRequest.GET(answer(member, AUDIT)).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ? AND question_id = ?",
                member, REASONS)).isZero();
    }

    @Test
    void deltaSyncReturnsChangesAndTombstonesOnly() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long old = id(put(op, member, AUDIT, body(List.of("internal-only"), null, null), null));
        long kept = id(put(op, member, UNDERSTOOD, body(List.of("all-understood"), null, null), null));
        long gone = id(put(op, member, BACKUP, body(List.of("unlisted"), "テープ", null), null));
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE self_assessment_answer SET created_at = ?, updated_at = ? WHERE member_operator_id = ?",
                anHourAgo, anHourAgo, member);
        Map full = get(answers(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");

        put(op, member, UNDERSTOOD, body(List.of("partly-understood"), null, null), etagOf(answer(member, UNDERSTOOD), op));
        exchange(HttpRequest.DELETE(answer(member, BACKUP)).header("If-Match", etagOf(answer(member, BACKUP), op)), op,
                String.class);
        long added = id(put(op, member, REASONS, body(null, "人材不足", null), null));

        Map delta = get(answers(member) + "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8), op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added);
        assertThat(items.get(0).get("optionIds")).isEqualTo(List.of("partly-understood"));
        Map tombstone = items.get(1);
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("id", "questionId", "deleted", "deletedAt");
        assertThat(tombstone).containsEntry("deleted", true).containsEntry("questionId", BACKUP);
        assertThat(ids(get(answers(member), op))).containsExactly(old, kept, added);

        assertThat(deltaPageByPage(answers(member), token, op)).containsExactly(kept, gone, added);
        assertThat(ids(get(answers(member) + "?updatedSince=" + Instant.now().plusSeconds(10), op))).isEmpty();
    }

    @Test
    void historyRecordsWhoChangedWhatAndSurvivesClearing() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_ADMIN, member);
        String op = token(opPerson);
        String etag = put(op, member, MITIGATIONS, body(List.of("incident-reporting"), null, null), null).header("ETag");
        String etag2 = put(sec, member, MITIGATIONS, body(List.of("incident-reporting", "other"), "監査", "要確認"), etag)
                .header("ETag");
        exchange(HttpRequest.DELETE(answer(member, MITIGATIONS)).header("If-Match", etag2), op, String.class);

        Map page = get(answer(member, MITIGATIONS) + "/history", op);
        List<Map> h = (List<Map>) page.get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(0).get("after")).containsEntry("optionIds", List.of("incident-reporting"));
        Map update = h.get(1);
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet()).containsExactlyInAnyOrder("optionIds", "otherText", "notes");
        assertThat((Map) update.get("after")).containsEntry("optionIds", List.of("incident-reporting", "other"))
                .containsEntry("otherText", "監査").containsEntry("notes", "要確認");
        Map first = get(answer(member, MITIGATIONS) + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(answer(member, MITIGATIONS) + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
        assertThat(error(HttpRequest.GET(answer(member, AUDIT) + "/history").bearerAuth(op)).code()).isEqualTo(404);
    }

    @Test
    void freshnessNeedsEveryOptionQuestionAnsweredAndConfirmRefreshesIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
        assertThat(error(HttpRequest.POST(answers(member).replace("/answers", "/confirm"), Map.of()).bearerAuth(op))
                .code()).isEqualTo(409);
        // every question answered by choice counts (NOT_IN_SOURCE ones too, now that they can be answered truthfully)
        List<Map<String, Object>> all = completeAnswers(op);
        assertThat(all).hasSize(52).anyMatch(i -> BACKUP.equals(i.get("questionId")));
        batch(op, member, all.subList(0, 51));
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE");
        batch(op, member, all.subList(51, 52));
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");
        // free-text questions are optional
        put(op, member, REASONS, body(null, "人材不足", null), null);
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");

        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE self_assessment_answer SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(state(sec, member).get("status")).isEqualTo("STALE");
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/members/" + member
                + "/self-assessment/confirm", Map.of()).bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("answerCount")).intValue()).isEqualTo(53);
        Map state = state(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ? AND version > 0",
                member)).isZero();
        List<Map> h = (List<Map>) get(answer(member, AUDIT) + "/history", sec).get("items");
        assertThat(h.getLast().get("changeType")).isEqualTo("CONFIRMED");
        // clearing a required answer makes it incomplete again
        exchange(HttpRequest.DELETE(answer(member, AUDIT)).header("If-Match", etagOf(answer(member, AUDIT), op)), op,
                String.class);
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE");
        assertThat(freshness).extracting(RecordFreshness::recordType).contains("self-assessment");
    }

    @Test
    void exportBeanReturnsOneViewPerAnsweredQuestionInCatalogueOrder() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        put(sec, member, REASONS, body(null, "予算不足", null), null);
        put(sec, member, AUDIT, body(List.of("internal-only"), null, "メモ"), null);
        put(sec, member, BACKUP, body(List.of("unlisted"), "日次", null), null);
        exchange(HttpRequest.DELETE(answer(member, BACKUP)).header("If-Match", etagOf(answer(member, BACKUP), sec)),
                sec, String.class);
        RecordExport export = exports.stream().filter(e -> e.recordType() == RecordType.SELF_ASSESSMENT)
                .findFirst().orElseThrow();
        List<?> rows = export.export(tenantA().id(), member, Labels.EN);
        assertThat(rows).hasSize(2);
        Map first = json(rows.get(0));
        assertThat(first).containsEntry("questionId", AUDIT).containsEntry("questionNumber", "設問11")
                .containsEntry("notes", "メモ").containsEntry("countsAsImplemented", true);
        assertThat((List) first.get("optionLabels")).containsExactly("Internal audit only");
        assertThat(json(rows.get(1))).containsEntry("questionId", REASONS).containsEntry("otherText", "予算不足");
        assertThat(export.export(tenantB().id(), member, Labels.JA)).isEmpty(); // scoped by tenant
    }

    private Map json(Object view) {
        try {
            return json.readValue(json.writeValueAsBytes(view), Argument.of(Map.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private Map state(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream()
                        .filter(r -> "self-assessment".equals(r.get("recordType"))).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }

    private static long id(HttpResponse<Map> r) {
        return ((Number) r.body().get("id")).longValue();
    }


    @SuppressWarnings("unused")
    private static Map<String, Object> copy(Map<String, Object> m, Consumer<Map<String, Object>> edit) {
        Map<String, Object> c = new LinkedHashMap<>(m);
        edit.accept(c);
        return c;
    }
}
