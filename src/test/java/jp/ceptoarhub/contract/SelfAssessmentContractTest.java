package jp.ceptoarhub.contract;

import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-assessment endpoints (jp.ceptoarhub.selfassessment) against api-spec/openapi.yaml. */
class SelfAssessmentContractTest extends ContractTestSupport {
    private static final String AUDIT = "q.governance.audit";
    private static final String MITIGATIONS = "q.risk.supply-chain-mitigations";
    private static final String BACKUP = "q.org.backup";

    @Test
    void catalogueInBothLanguages() {
        Exchange ja = call("GET", "/api/v1/self-assessment/catalogue", tenantAdmin(), null);
        assertValid(ja, 200);
        assertThat(ja.body()).contains("\"version\":\"fy2024\"", "\"q.governance.audit\"", "\"NOT_IN_SOURCE\"");
        Exchange en = call("GET", "/api/v1/self-assessment/catalogue", platformAdmin, null, "Accept-Language", "en");
        assertValid(en, 200);
        assertThat(en.body()).contains("Internal audit only");
        assertValidResponse(call("GET", "/api/v1/self-assessment/catalogue", null, null), 401);
    }

    @Test
    void prefillsFromTheContinuityPlans() {
        long member = createMember();
        String base = "/api/v1/members/" + member;
        Exchange none = call("GET", base + "/self-assessment/prefills", tenantAdmin(), null);
        assertValid(none, 200);
        assertThat(none.body()).contains("\"items\":[]");
        assertValid(call("POST", base + "/continuity-plans", tenantAdmin(),
                "{\"planType\":\"CONTINGENCY_PLAN\",\"status\":\"DRAFTED\",\"cyberScenariosCovered\":\"NO\"}"), 201);
        assertValid(call("POST", base + "/continuity-plans", tenantAdmin(),
                "{\"planType\":\"BCP\",\"status\":\"DRAFTED\"}"), 201);
        assertValid(call("POST", base + "/continuity-plans", tenantAdmin(),
                "{\"planType\":\"RECOVERY_PLAN\",\"status\":\"DRAFTED\"}"), 201);
        assertValid(call("PUT", base + "/self-assessment/answers/q.risk.contingency-plan", tenantAdmin(),
                "{\"optionIds\":[\"without-cyber\"]}"), 201);
        Exchange offered = call("GET", base + "/self-assessment/prefills", tenantAdmin(), null, "Accept-Language", "en");
        assertValid(offered, 200);
        assertThat(offered.body()).contains("\"without-cyber\"", "\"bcp-and-recovery\"", "\"sameAsAnswer\":true",
                "\"answered\":false");
        assertValidResponse(call("GET", base + "/self-assessment/prefills", null, null), 401);
        assertValid(call("GET", "/api/v1/members/999999/self-assessment/prefills", tenantAdmin(), null), 404);
        assertValid(call("GET", base + "/self-assessment/prefills", platformAdmin, null), 403);
    }

    @Test
    void answerPutGetBatchDeleteSyncHistoryAndConfirm() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/self-assessment";
        String path = base + "/answers/" + AUDIT;
        Exchange emptyConfirm = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(emptyConfirm, 409);

        Exchange created = call("PUT", path, tenantAdmin(), "{\"optionIds\":[\"internal-only\"],\"notes\":\"メモ\"}");
        assertValid(created, 201);
        assertThat(created.header("Location")).endsWith(path);
        String etag = created.header("ETag");
        assertThat(etag).startsWith("W/\"self-assessment-answer-");
        Exchange freeText = call("PUT", base + "/answers/" + BACKUP, tenantAdmin(),
                "{\"otherText\":\"日次\",\"optionIds\":[\"unlisted\"]}", "If-None-Match", "*", "Accept-Language", "en");
        assertValid(freeText, 201);
        assertThat(freeText.body()).contains("\"implementation\":\"IMPLEMENTED\"");
        Exchange nothing = call("PUT", base + "/answers/q.org.log-management", tenantAdmin(),
                "{\"otherText\":\"特になし\",\"optionIds\":[\"unlisted\"]}");
        assertValid(nothing, 400);
        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.header("ETag")).isEqualTo(etag);

        assertValidResponse(call("PUT", path, tenantAdmin(), "{\"optionIds\":[\"neither\"]}"), 428);
        Exchange replaced = call("PUT", path, tenantAdmin(), "{\"optionIds\":[\"neither\"]}", "If-Match", etag);
        assertValid(replaced, 200);
        Exchange stale = call("PUT", path, tenantAdmin(), "{\"optionIds\":[\"board-only\"]}", "If-Match", etag);
        assertValid(stale, 412);
        assertThat(jsonField(stale.body(), "currentEtag")).isEqualTo(replaced.header("ETag"));
        Exchange notThere = call("PUT", base + "/answers/" + MITIGATIONS, tenantAdmin(),
                "{\"optionIds\":[\"other\"],\"otherText\":\"x\"}", "If-Match", etag);
        assertValid(notThere, 412);
        Exchange invalid = call("PUT", base + "/answers/" + MITIGATIONS, tenantAdmin(), "{\"optionIds\":[\"other\"]}");
        assertValid(invalid, 400);
        assertThat(invalid.body()).contains("\"field\":\"otherText\"");
        assertValid(call("PUT", base + "/answers/q.no.such-question", tenantAdmin(), "{\"optionIds\":[\"x\"]}"), 404);

        Exchange first = call("GET", base + "/answers?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).isNotNull();
        Exchange second = call("GET", base + "/answers?limit=200&cursor=" + cursor, tenantAdmin(), null);
        assertValid(second, 200);
        String syncToken = jsonField(first.body(), "syncToken");
        String setEtag = first.header("ETag");

        Exchange batch = call("PATCH", base + "/answers", tenantAdmin(), """
                {"answers":[{"questionId":"%s","optionIds":["incident-reporting","other"],"otherText":"定例会議"},
                            {"questionId":"q.risk.risk-assessment","optionIds":["considering"],"notes":null}]}
                """.formatted(MITIGATIONS), "If-Match", setEtag);
        assertValid(batch, 200);
        assertThat(batch.body()).contains("\"changed\":2");
        Exchange badBatch = call("PATCH", base + "/answers", tenantAdmin(), """
                {"answers":[{"questionId":"q.governance.safety-standards-known","optionIds":["known","not-known"]}]}
                """);
        assertValid(badBatch, 400);
        assertThat(badBatch.body()).contains("answers[0].optionIds");
        Exchange needsVersion = call("PATCH", base + "/answers", tenantAdmin(), """
                {"answers":[{"questionId":"%s","optionIds":["board-only"]}]}
                """.formatted(AUDIT));
        assertValid(needsVersion, 428);
        Exchange staleVersion = call("PATCH", base + "/answers", tenantAdmin(), """
                {"answers":[{"questionId":"%s","optionIds":["board-only"],"version":0}]}
                """.formatted(AUDIT));
        assertValid(staleVersion, 412);
        Exchange staleSet = call("PATCH", base + "/answers", tenantAdmin(), """
                {"answers":[{"questionId":"%s","optionIds":["board-only"]}]}
                """.formatted(AUDIT), "If-Match", setEtag);
        assertValid(staleSet, 412);

        String backupEtag = call("GET", base + "/answers/" + BACKUP, tenantAdmin(), null).header("ETag");
        assertValidResponse(call("DELETE", base + "/answers/" + BACKUP, tenantAdmin(), null), 428);
        assertValid(call("DELETE", base + "/answers/" + BACKUP, tenantAdmin(), null, "If-Match", etag), 412);
        assertValid(call("DELETE", base + "/answers/" + BACKUP, tenantAdmin(), null, "If-Match", backupEtag), 204);
        assertValid(call("GET", base + "/answers/" + BACKUP, tenantAdmin(), null), 404);

        Exchange delta = call("GET", base + "/answers?updatedSince=" + syncToken, tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true", "\"deletedAt\"", "incident-reporting");
        assertValidResponse(call("GET", base + "/answers?updatedSince=yesterday", tenantAdmin(), null), 400);

        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CREATED\"", "\"UPDATED\"");
        Exchange page = call("GET", path + "/history?limit=1", tenantAdmin(), null);
        assertValid(page, 200);
        assertThat(jsonField(page.body(), "nextCursor")).isNotNull();
        assertValid(call("GET", base + "/answers/" + BACKUP + "/history", tenantAdmin(), null), 200);

        String currentSet = call("GET", base + "/answers", tenantAdmin(), null).header("ETag");
        Exchange clear = call("PATCH", base + "/answers", tenantAdmin(),
                "{\"answers\":[{\"questionId\":\"q.risk.risk-assessment\",\"clear\":true}]}", "If-Match", currentSet);
        assertValid(clear, 200);
        assertThat(clear.body()).contains("\"deleted\":true", "\"changed\":1");

        Exchange confirmed = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(confirmed, 200);
        assertThat(confirmed.body()).contains("\"answerCount\":2");
        assertValid(call("GET", base + "/answers", platformAdmin, null), 403);
        assertValid(call("GET", "/api/v1/members/999999999/self-assessment/answers", tenantAdmin(), null), 404);
    }

    @Test
    void codingAnAnswersTextAndASubmittedAnswersText() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/self-assessment";
        String plan = base + "/answers/q.risk.risk-treatment-plan-status";
        Exchange answered = call("PUT", plan, tenantAdmin(), "{\"optionIds\":[\"other\"],\"otherText\":\"実施中\"}");
        assertValid(answered, 201);
        assertThat(answered.body()).contains("\"implementation\":\"PENDING_CODING\"");
        assertValidResponse(call("PUT", plan + "/coding", tenantAdmin(), "{\"code\":\"IMPLEMENTED\"}"), 428);
        Exchange bad = call("PUT", plan + "/coding", tenantAdmin(), "{\"code\":\"KNOWN_OPTION\"}", "If-Match",
                answered.header("ETag"));
        assertValid(bad, 400);
        assertThat(bad.body()).contains("\"field\":\"optionId\"");
        Exchange coded = call("PUT", plan + "/coding", tenantAdmin(),
                "{\"code\":\"IMPLEMENTED\",\"comment\":\"計画表で確認\"}", "If-Match", answered.header("ETag"));
        assertValid(coded, 200);
        assertThat(coded.body()).contains("\"textCoding\":{", "\"implementation\":\"IMPLEMENTED\"");
        Exchange history = call("GET", plan + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CODED\"");
        Exchange uncoded = call("DELETE", plan + "/coding", tenantAdmin(), null, "If-Match", coded.header("ETag"));
        assertValid(uncoded, 200);
        assertValid(call("DELETE", plan + "/coding", tenantAdmin(), null, "If-Match", uncoded.header("ETag")), 404);
        assertValid(call("PUT", base + "/answers/" + AUDIT + "/coding", tenantAdmin(), "{\"code\":\"IMPLEMENTED\"}",
                "If-Match", "*"), 404);

        Exchange campaign = call("POST", "/api/v1/self-assessment/campaigns", tenantAdmin(), """
                {"title":"自己評価","referenceDate":"%s","deadline":"%s"}
                """.formatted(LocalDate.now(), LocalDate.now().plusDays(14)));
        String sub = base + "/campaigns/" + jsonField(campaign.body(), "id") + "/submission";
        Exchange submitted = call("POST", sub, tenantAdmin(), null);
        assertValid(submitted, 201);
        assertValid(call("POST", sub + "/accept", tenantAdmin(), null, "If-Match", submitted.header("ETag")), 409);
        Exchange snapshotCoded = call("PUT", sub + "/answers/q.risk.risk-treatment-plan-status/coding", tenantAdmin(),
                "{\"code\":\"NOT_IMPLEMENTED\"}", "If-Match", submitted.header("ETag"), "Accept-Language", "en");
        assertValid(snapshotCoded, 200);
        assertThat(snapshotCoded.body()).contains("\"implementation\":\"NOT_IMPLEMENTED\"");
        Exchange snapshotUncoded = call("DELETE", sub + "/answers/q.risk.risk-treatment-plan-status/coding",
                tenantAdmin(), null, "If-Match", snapshotCoded.header("ETag"));
        assertValid(snapshotUncoded, 200);
        assertValid(call("PUT", sub + "/answers/q.risk.risk-treatment-plan-status/coding", tenantAdmin(),
                "{\"code\":\"NOT_IMPLEMENTED\"}", "If-Match", submitted.header("ETag")), 412);
        assertValid(call("GET", sub + "/history", tenantAdmin(), null), 200);
    }

    @Test
    void campaignsSubmissionAcceptReturnAndHistory() {
        long member = createMember();
        long other = createMember();
        String operator = token(person(tenant(), Role.OPERATOR_ADMIN, member));
        Exchange badDates = call("POST", "/api/v1/self-assessment/campaigns", tenantAdmin(),
                "{\"title\":\"自己評価\",\"referenceDate\":\"2026-09-30\",\"deadline\":\"2026-09-01\"}");
        assertValid(badDates, 400);
        assertThat(badDates.body()).contains("\"field\":\"deadline\"");
        assertValid(call("POST", "/api/v1/self-assessment/campaigns", operator,
                "{\"title\":\"x\",\"referenceDate\":\"2026-09-30\",\"deadline\":\"2026-10-31\"}"), 403);
        String today = LocalDate.now().toString();
        Exchange created = call("POST", "/api/v1/self-assessment/campaigns", tenantAdmin(), """
                {"title":"自己評価","referenceDate":"%s","deadline":"%s","catalogueVersion":"fy2024",
                 "description":"基準日時点の状況を回答してください"}
                """.formatted(today, LocalDate.now().plusDays(14)), "Idempotency-Key", UUID.randomUUID().toString());
        assertValid(created, 201);
        String campaign = jsonField(created.body(), "id");
        assertThat(created.header("Location")).endsWith("/api/v1/self-assessment/campaigns/" + campaign);
        assertValid(call("GET", "/api/v1/self-assessment/campaigns?limit=1", operator, null), 200);
        assertValid(call("GET", "/api/v1/self-assessment/campaigns", platformAdmin, null), 403);

        String sub = "/api/v1/members/" + member + "/self-assessment/campaigns/" + campaign + "/submission";
        assertValid(call("GET", sub, operator, null), 404);
        assertValid(call("POST", sub, operator, null), 409); // no answers yet
        assertValid(call("PUT", "/api/v1/members/" + member + "/self-assessment/answers/" + AUDIT, operator,
                "{\"optionIds\":[\"internal-only\"]}"), 201);
        Exchange submitted = call("POST", sub, operator, null, "Idempotency-Key", UUID.randomUUID().toString());
        assertValid(submitted, 201);
        String etag = submitted.header("ETag");
        assertValid(call("POST", sub, operator, null), 409);
        Exchange got = call("GET", sub, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.body()).contains("\"status\":\"SUBMITTED\"", "Internal audit only");

        assertValid(call("POST", sub + "/return", operator, "{\"comment\":\"x\"}", "If-Match", etag), 403);
        assertValidResponse(call("POST", sub + "/return", tenantAdmin(), "{\"comment\":\"x\"}"), 428);
        Exchange noComment = call("POST", sub + "/return", tenantAdmin(), "{\"comment\":null}", "If-Match", etag);
        assertValid(noComment, 400);
        Exchange returned = call("POST", sub + "/return", tenantAdmin(), "{\"comment\":\"設問11を確認してください\"}",
                "If-Match", etag);
        assertValid(returned, 200);
        assertValid(call("POST", sub + "/accept", tenantAdmin(), null, "If-Match", etag), 412);
        assertValid(call("POST", sub + "/accept", tenantAdmin(), null, "If-Match", returned.header("ETag")), 409);
        Exchange again = call("POST", sub, operator, null);
        assertValid(again, 201);
        Exchange accepted = call("POST", sub + "/accept", tenantAdmin(), null, "If-Match", again.header("ETag"));
        assertValid(accepted, 200);
        assertThat(accepted.body()).contains("\"status\":\"ACCEPTED\"", "\"round\":2");

        Exchange history = call("GET", sub + "/history", operator, null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"SUBMITTED\"", "\"RETURNED\"", "\"ACCEPTED\"");
        Exchange detail = call("GET", "/api/v1/self-assessment/campaigns/" + campaign, tenantAdmin(), null);
        assertValid(detail, 200);
        assertThat(detail.body()).contains("\"ACCEPTED\"", "\"NOT_SUBMITTED\"", "\"memberId\":" + other);
        assertValid(call("GET", "/api/v1/self-assessment/campaigns/999999999", tenantAdmin(), null), 404);
        assertValid(call("GET", "/api/v1/members/" + other + "/self-assessment/campaigns/" + campaign + "/submission",
                operator, null), 404);
    }
}
