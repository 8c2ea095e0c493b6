package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns, submissions (frozen snapshots), acceptance and return with a comment. */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentCampaignTest extends SelfAssessmentTestSupport {

    @Test
    void campaignCreationValidatesDatesAndIsForTheSecretariat() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("deadline", campaign("自己評価", "2026-09-30", "2026-09-29"));
        cases.put("referenceDate", campaign("自己評価", "2026-02-30", "2026-10-31"));
        cases.put("title", campaign("  ", "2026-09-30", "2026-10-31"));
        cases.put("title ", campaign("題".repeat(201), "2026-09-30", "2026-10-31"));
        Map<String, Object> version = campaign("自己評価", "2026-09-30", "2026-10-31");
        version.put("catalogueVersion", "fy2023");
        cases.put("catalogueVersion", version);
        long before = count("SELECT COUNT(*) FROM self_assessment_campaign WHERE tenant_id = ?", tenantA().id());
        for (var e : cases.entrySet()) {
            HttpResponse<Map> r = error(HttpRequest.POST(CAMPAIGNS, e.getValue()).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        assertThat(violationFields(error(HttpRequest.POST(CAMPAIGNS, Map.of()).bearerAuth(sec))))
                .containsExactlyInAnyOrder("title", "referenceDate", "deadline");
        assertThat(error(HttpRequest.POST(CAMPAIGNS, campaign("x", "2026-09-30", "2026-10-31")).bearerAuth(op)).code())
                .isEqualTo(403);
        assertThat(error(HttpRequest.POST(CAMPAIGNS, campaign("x", "2026-09-30", "2026-10-31")).bearerAuth(nisc()))
                .code()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_campaign WHERE tenant_id = ?", tenantA().id()))
                .isEqualTo(before);

        // same day is fine; idempotent create; newest first, paged
        HttpResponse<Map> created = exchange(HttpRequest.POST(CAMPAIGNS, campaign("2026年度 自己評価", "2026-09-30",
                "2026-09-30")).header("Idempotency-Key", "camp-1"), sec, Map.class);
        assertThat(created.code()).isEqualTo(201);
        assertThat(created.body()).containsEntry("catalogueVersion", "fy2024").containsEntry("referenceDate", "2026-09-30");
        long first = ((Number) created.body().get("id")).longValue();
        assertThat(created.header("Location")).isEqualTo(CAMPAIGNS + "/" + first);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(CAMPAIGNS, campaign("2026年度 自己評価", "2026-09-30",
                "2026-09-30")).header("Idempotency-Key", "camp-1"), sec, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(first);
        long second = createCampaign(sec, "追加調査", "2026-10-01", "2026-12-01");
        Map page = get(CAMPAIGNS + "?limit=1", op);
        assertThat(((List<Map>) page.get("items")).getFirst().get("id")).isEqualTo((int) second);
        Map next = get(CAMPAIGNS + "?limit=1&cursor=" + page.get("nextCursor"), op);
        assertThat(((List<Map>) next.get("items")).getFirst().get("id")).isEqualTo((int) first);
    }

    @Test
    void submitFreezesASnapshotThatLaterEditsDoNotChangeAndTheSecretariatAccepts() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_STAFF, member);
        String op = token(opPerson);
        String today = LocalDate.now().toString();
        long campaign = createCampaign(sec, "自己評価", today, LocalDate.now().plusDays(30).toString());

        HttpResponse<Map> empty = error(HttpRequest.POST(submission(member, campaign), Map.of()).bearerAuth(op));
        assertThat(empty.code()).isEqualTo(409);
        assertThat(detail(empty)).contains("no self-assessment answers");

        String etag = put(op, member, AUDIT, body(List.of("internal-only"), null, "監査計画あり"), null).header("ETag");
        put(op, member, BACKUP, body(List.of("unlisted"), "日次", null), null);
        HttpResponse<Map> submitted = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), op, Map.class);
        assertThat(submitted.code()).isEqualTo(201);
        Map s = submitted.body();
        assertThat(s).containsEntry("status", "SUBMITTED").containsEntry("round", 1).containsEntry("late", false)
                .containsEntry("catalogueVersion", "fy2024").containsEntry("submittedBy", opPerson.username());
        assertThat((List<Map>) s.get("answers")).extracting(a -> a.get("questionId")).containsExactly(AUDIT, BACKUP);
        String subEtag = submitted.header("ETag");

        // later edits of the current answers do not touch the snapshot
        put(op, member, AUDIT, body(List.of("neither"), null, null), etag);
        put(op, member, REASONS, body(null, "予算", null), null);
        Map frozen = get(submission(member, campaign), sec);
        Map auditAnswer = ((List<Map>) frozen.get("answers")).getFirst();
        assertThat(auditAnswer).containsEntry("optionIds", List.of("internal-only")).containsEntry("notes", "監査計画あり")
                .containsEntry("answerVersion", 0);
        assertThat((List) frozen.get("answers")).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_snapshot_answer WHERE tenant_id = ? AND submission_id = ?",
                tenantA().id(), ((Number) s.get("id")).longValue())).isEqualTo(2);

        // no re-submission while pending
        HttpResponse<Map> twice = error(HttpRequest.POST(submission(member, campaign), Map.of()).bearerAuth(op));
        assertThat(twice.code()).isEqualTo(409);
        assertThat(twice.getBody(Map.class).orElseThrow().get("type")).isEqualTo("urn:ceptoar-hub:problem:submission-exists");

        // operators cannot accept or return
        assertThat(error(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of()).header("If-Match", subEtag)
                .bearerAuth(op)).code()).isEqualTo(403);
        String opAdmin = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(error(HttpRequest.POST(submission(member, campaign) + "/return", Map.of("comment", "x"))
                .header("If-Match", subEtag).bearerAuth(opAdmin)).code()).isEqualTo(403);
        // If-Match: 428 / 412
        assertThat(error(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of()).bearerAuth(sec)).code())
                .isEqualTo(428);
        assertThat(error(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of())
                .header("If-Match", "W/\"self-assessment-submission-" + s.get("id") + "-v9\"").bearerAuth(sec)).code())
                .isEqualTo(412);
        HttpResponse<Map> accepted = exchange(HttpRequest.POST(submission(member, campaign) + "/accept",
                Map.of("comment", "確認しました")).header("If-Match", subEtag), sec, Map.class);
        assertThat(accepted.body()).containsEntry("status", "ACCEPTED").containsEntry("reviewComment", "確認しました")
                .containsEntry("reviewedBy", secPerson.username());
        assertThat(accepted.header("ETag")).isNotEqualTo(subEtag);
        assertThat(error(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of())
                .header("If-Match", accepted.header("ETag")).bearerAuth(sec)).code()).isEqualTo(409);
        assertThat(error(HttpRequest.POST(submission(member, campaign), Map.of()).bearerAuth(op)).code()).isEqualTo(409);
        assertThat(get(submission(member, campaign), op).get("status")).isEqualTo("ACCEPTED");

        List<Map> h = (List<Map>) get(submission(member, campaign) + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("SUBMITTED", "ACCEPTED");
        assertThat((Map) h.get(0).get("after")).containsEntry("answerCount", 2).containsEntry("round", 1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'self-assessment-submission' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(s.get("id")))).isEqualTo(2);
    }

    @Test
    void returnNeedsACommentTheMemberSeesItAndResubmitsANewRound() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        long campaign = createCampaign(sec, "昨年度分", "2025-09-30", "2025-10-31"); // deadline passed
        put(op, member, AUDIT, body(List.of("board-only"), null, null), null);
        // the secretariat may submit on the member's behalf
        HttpResponse<Map> submitted = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), sec, Map.class);
        assertThat(submitted.body()).containsEntry("late", true);
        String subEtag = submitted.header("ETag");

        HttpResponse<Map> noComment = error(HttpRequest.POST(submission(member, campaign) + "/return", Map.of())
                .header("If-Match", subEtag).bearerAuth(sec));
        assertThat(noComment.code()).isEqualTo(400);
        assertThat(violationFields(noComment)).containsExactly("comment");
        assertThat(violationFields(error(HttpRequest.POST(submission(member, campaign) + "/return",
                Map.of("comment", "長".repeat(2001))).header("If-Match", subEtag).bearerAuth(sec))))
                .containsExactly("comment");
        HttpResponse<Map> returned = exchange(HttpRequest.POST(submission(member, campaign) + "/return",
                Map.of("comment", "設問11の回答を確認してください")).header("If-Match", subEtag), sec, Map.class);
        assertThat(returned.body()).containsEntry("status", "RETURNED");
        Map seen = get(submission(member, campaign), op);
        assertThat(seen).containsEntry("status", "RETURNED").containsEntry("reviewComment", "設問11の回答を確認してください");

        put(op, member, AUDIT, body(List.of("board-and-internal"), null, null), etagOf(answer(member, AUDIT), op));
        HttpResponse<Map> again = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), op, Map.class);
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.body()).containsEntry("status", "SUBMITTED").containsEntry("round", 2)
                .doesNotContainKey("reviewComment").containsEntry("late", true);
        assertThat(((List<Map>) again.body().get("answers")).getFirst().get("optionIds"))
                .isEqualTo(List.of("board-and-internal"));
        List<Map> h = (List<Map>) get(submission(member, campaign) + "/history", sec).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("SUBMITTED", "RETURNED", "SUBMITTED");
        assertThat((Map) h.get(1).get("after")).containsEntry("comment", "設問11の回答を確認してください");
        // round 1's snapshot is kept
        assertThat(count("SELECT COUNT(*) FROM self_assessment_snapshot_answer WHERE submission_id = ? AND round = 1 "
                + "AND option_ids = '[\"board-only\"]'", ((Number) again.body().get("id")).longValue())).isEqualTo(1);

        // progress: the secretariat sees every member, the operator only its own row
        Map detail = get(CAMPAIGNS + "/" + campaign, sec);
        List<Map> rows = (List<Map>) detail.get("members");
        Map mine = rows.stream().filter(r -> ((Number) r.get("memberId")).longValue() == member).findFirst().orElseThrow();
        assertThat(mine).containsEntry("status", "SUBMITTED").containsEntry("round", 2).containsEntry("late", true);
        Map theirs = rows.stream().filter(r -> ((Number) r.get("memberId")).longValue() == other).findFirst().orElseThrow();
        assertThat(theirs).containsEntry("status", "NOT_SUBMITTED").containsEntry("late", true);
        Map summary = (Map) detail.get("summary");
        assertThat(((Number) summary.get("submitted")).intValue()).isEqualTo(1);
        assertThat(((Number) summary.get("members")).intValue())
                .isEqualTo(((Number) summary.get("notSubmitted")).intValue() + 1);
        assertThat(((Map) detail.get("campaign")).get("open")).isEqualTo(false);
        List<Map> own = (List<Map>) get(CAMPAIGNS + "/" + campaign, op).get("members");
        assertThat(own).extracting(r -> ((Number) r.get("memberId")).longValue()).containsExactly(member);
        assertThat(error(HttpRequest.GET(submission(other, campaign)).bearerAuth(sec)).code()).isEqualTo(404);
    }

    private static Map<String, Object> campaign(String title, String referenceDate, String deadline) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("referenceDate", referenceDate);
        b.put("deadline", deadline);
        return b;
    }
}
