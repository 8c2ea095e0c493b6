package jp.ceptoarhub.continuity;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.continuity.PlanCodes.BcpOption;
import jp.ceptoarhub.continuity.PlanCodes.ContingencyOption;
import jp.ceptoarhub.continuity.PlanCodes.LegacyStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.continuity.PlanCodes.SurveyOption;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ContinuityApiTest extends ContinuityTestSupport {
    @Inject
    JsonMapper json;

    @Test
    void surveyOptionsAreExactlyTheSelectableOptionsOfQuestions27And28InTheCatalogue() throws Exception {
        Map catalogue;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("reference-data/assessment-catalogue-fy2024.json"))) {
            catalogue = json.readValue(in.readAllBytes(), Argument.of(Map.class));
        }
        Map<String, List<Map>> options = new LinkedHashMap<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            options.put((String) q.get("id"), (List<Map>) q.get("options"));
        }
        for (List<? extends SurveyOption> actual : List.of(Labelled.all(ContingencyOption.class),
                Labelled.all(BcpOption.class))) {
            String question = actual.getFirst().questionId();
            List<Map> expected = options.get(question).stream()
                    .filter(o -> !Boolean.FALSE.equals(o.get("respondentSelectable"))).toList();
            assertThat(actual.stream().map(Labelled::code).toList()).as(question)
                    .isEqualTo(expected.stream().map(o -> o.get("id")).toList());
            assertThat(actual.stream().map(Labelled::labelJa).toList()).as(question)
                    .isEqualTo(expected.stream().map(o -> o.get("labelJa")).toList());
            assertThat(actual.stream().map(Labelled::labelEn).toList()).as(question)
                    .isEqualTo(expected.stream().map(o -> o.get("labelEn")).toList());
        }
        assertThat(ContingencyOption.QUESTION).isEqualTo("q.risk.contingency-plan");
        assertThat(BcpOption.QUESTION).isEqualTo("q.risk.business-continuity-plan");
        // every status a plan type had in API 0.1 still reads as a status of the plan
        for (PlanType type : PlanType.values()) {
            List<? extends SurveyOption> old = type == PlanType.CONTINGENCY_PLAN ? Labelled.all(ContingencyOption.class)
                    : Labelled.all(BcpOption.class);
            for (SurveyOption o : old) {
                assertThat(LegacyStatus.of(type, o.code())).as(type + " " + o.code()).isPresent();
            }
        }
        assertThat(LegacyStatus.of(PlanType.CONTINGENCY_PLAN, "bcp-only")).isEmpty();
        assertThat(LegacyStatus.of(PlanType.BCP, "with-cyber")).isEmpty();
    }

    /** Issue 10: 「…事業復旧計画は策定していない。」 on a 事業復旧計画 used to be reported as in place. */
    @Test
    void aRecoveryPlanCannotSayItHasNoRecoveryPlanAndBeInPlace() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        Map legacy = createPlan(sec, member, planBody("RECOVERY_PLAN", "bcp-only")).body(); // an API 0.1 client
        assertThat(legacy.get("status")).isEqualTo("NOT_DRAFTED");
        assertThat(legacy.get("inPlace")).isEqualTo(false);
        assertThat(legacy).doesNotContainKey("legacyStatus");
        Map own = createPlan(sec, member, planBody("RECOVERY_PLAN", "NOT_DRAFTED")).body();
        assertThat(own.get("inPlace")).isEqualTo(false);
        assertThat(own.get("planTypeLabel")).isEqualTo("事業復旧計画");
        assertThat(own.get("statusLabel")).isEqualTo("策定していない");
        // the same option on a BCP says the BCP is drafted; on a 事業復旧計画 策定中 is in preparation
        assertThat(createPlan(sec, member, planBody("BCP", "bcp-only")).body().get("status")).isEqualTo("DRAFTED");
        assertThat(createPlan(sec, member, planBody("RECOVERY_PLAN", "bcp-recovery-in-progress")).body().get("status"))
                .isEqualTo("IN_PREPARATION");
        assertThat(createPlan(sec, member, planBody("RECOVERY_PLAN", "bcp-and-recovery")).body().get("inPlace"))
                .isEqualTo(true);
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE member_operator_id = ? AND status NOT IN "
                + "('DRAFTED', 'IN_PREPARATION', 'NOT_DRAFTED')", member)).isZero();
    }

    @Test
    void aPlanClaimingCyberCoverageWhileCyberScenariosCoveredIsNoIsRefusedNamingTheField() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        Map<String, Object> claim = planBody("CONTINGENCY_PLAN", "with-cyber");
        claim.put("cyberScenariosCovered", "NO");
        HttpResponse<Map> r = error(HttpRequest.POST(plans(member), claim).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactly("cyberScenariosCovered");
        Map<String, Object> denial = planBody("CONTINGENCY_PLAN", "without-cyber");
        denial.put("cyberScenariosCovered", "YES");
        assertThat(violationFields(error(HttpRequest.POST(plans(member), denial).bearerAuth(sec))))
                .containsExactly("cyberScenariosCovered");
        assertThat(countPlans(member)).isZero();

        // the option fills an unstated coverage
        Map<String, Object> unstated = planBody("CONTINGENCY_PLAN", "with-cyber");
        unstated.remove("cyberScenariosCovered");
        assertThat(createPlan(sec, member, unstated).body().get("cyberScenariosCovered")).isEqualTo("YES");
        Map<String, Object> without = planBody("CONTINGENCY_PLAN", "without-cyber");
        without.remove("cyberScenariosCovered");
        Map stored = createPlan(sec, member, without).body();
        assertThat(stored.get("cyberScenariosCovered")).isEqualTo("NO");
        // laid over a stored NO, with-cyber is the same contradiction; the plan stays as it was
        String path = plans(member) + "/" + stored.get("id");
        HttpResponse<Map> patch = error(HttpRequest.PATCH(path, Map.of("status", "with-cyber"))
                .header("If-Match", etagOf(path, sec)).bearerAuth(sec));
        assertThat(violationFields(patch)).containsExactly("cyberScenariosCovered");
        assertThat(get(path, sec).get("version")).isEqualTo(0);
        // with the coverage corrected in the same request it is accepted
        Map fixed = exchange(HttpRequest.PATCH(path, Map.of("status", "with-cyber", "cyberScenariosCovered", "PARTIAL"))
                .header("If-Match", etagOf(path, sec)), sec, Map.class).body();
        assertThat(fixed.get("status")).isEqualTo("DRAFTED");
        assertThat(fixed.get("cyberScenariosCovered")).isEqualTo("PARTIAL");
    }

    @Test
    void createReadUpdateDeleteWithEtagsIdempotencyAndLabels() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));

        Map<String, Object> body = planBody("CONTINGENCY_PLAN", "DRAFTED");
        body.put("ownerName", "ﾀｶﾊｼ 𠮷子"); // half-width katakana normalised (NFKC), non-BMP kept
        HttpResponse<Map> created = exchange(HttpRequest.POST(plans(member), body).header("Idempotency-Key", "cp-1"),
                op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"continuity-plan-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(plans(member) + "/" + id);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(plans(member), body).header("Idempotency-Key", "cp-1"),
                op, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countPlans(member)).isEqualTo(1);

        Map ja = http.toBlocking().retrieve(HttpRequest.GET(plans(member) + "/" + id)
                .header("Accept-Language", "ja").bearerAuth(op), Map.class);
        assertThat(ja.get("planTypeLabel")).isEqualTo("コンティンジェンシープラン");
        assertThat(ja.get("statusLabel")).isEqualTo("策定している");
        assertThat(ja.get("inPlace")).isEqualTo(true);
        assertThat(ja.get("cyberScenariosCovered")).isEqualTo("PARTIAL");
        assertThat(ja.get("lastReviewedOn")).isEqualTo("2025-04-01");
        assertThat(ja.get("lastExercisedOn")).isEqualTo("2025-10-15");
        assertThat(ja.get("reviewOverdue")).isEqualTo(false);
        assertThat(ja.get("ownerName")).isEqualTo("タカハシ 𠮷子");
        assertThat(ja).doesNotContainKey("escalatesToPlanId").doesNotContainKey("deletedAt");
        Map en = http.toBlocking().retrieve(HttpRequest.GET(plans(member) + "/" + id)
                .header("Accept-Language", "en-US,en;q=0.9").bearerAuth(op), Map.class);
        assertThat(en.get("planTypeLabel")).isEqualTo("Contingency plan");
        assertThat(en.get("statusLabel")).isEqualTo("Drafted");
        Map bcp = get(plans(member) + "/" + createPlanId(op, member, planBody("IT_BCP", "DRAFTED")), op);
        assertThat(bcp.get("planTypeLabel")).isEqualTo("IT-BCP");

        // If-Match: missing → 428, wrong → 412, nothing changed either time
        Map<String, Object> patch = Map.of("status", "IN_PREPARATION", "cyberScenariosCovered", "NO");
        assertThat(error(HttpRequest.PATCH(plans(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(plans(member) + "/" + id, patch)
                .header("If-Match", "W/\"continuity-plan-" + id + "-v99\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE id = ? AND status = 'DRAFTED'", id)).isEqualTo(1);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(plans(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(updated.body().get("status")).isEqualTo("IN_PREPARATION");
        assertThat(updated.body().get("inPlace")).isEqualTo(false);
        assertThat(updated.body().get("cyberScenariosCovered")).isEqualTo("NO");
        assertThat(updated.body().get("lastReviewedOn")).isEqualTo("2025-04-01");
        String etag2 = updated.header("ETag");
        assertThat(etag2).isNotEqualTo(etag);
        HttpResponse<Map> stale = error(HttpRequest.PATCH(plans(member) + "/" + id, Map.of("scopeNotes", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE id = ? AND scope_notes = ?", id, "上書き")).isZero();
        // "" clears an optional field
        Map cleared = exchange(HttpRequest.PATCH(plans(member) + "/" + id, Map.of("cyberScenariosCovered", ""))
                .header("If-Match", etag2), op, Map.class).body();
        assertThat(cleared).doesNotContainKey("cyberScenariosCovered");
        String etag3 = etagOf(plans(member) + "/" + id, op);

        assertThat(error(HttpRequest.DELETE(plans(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(plans(member) + "/" + id).header("If-Match", etag2).bearerAuth(op))
                .code()).isEqualTo(412);
        assertThat(exchange(HttpRequest.DELETE(plans(member) + "/" + id).header("If-Match", etag3), op, String.class)
                .code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(plans(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE id = ? AND deleted_at IS NOT NULL", id)).isEqualTo(1);
        assertThat((List) get(plans(member), op).get("items")).hasSize(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("planType", b -> b.put("planType", "DR_PLAN"));
        cases.put("status", b -> b.put("status", "implemented"));
        cases.put("status ", b -> b.put("status", "with-cyber")); // a 設問27 option on a BCP
        cases.put("status  ", b -> b.put("status", "no-answer")); // not selectable
        cases.put("status   ", b -> b.put("status", "drafted")); // codes are exact
        cases.put("cyberScenariosCovered", b -> b.put("cyberScenariosCovered", "MAYBE"));
        cases.put("lastReviewedOn", b -> b.put("lastReviewedOn", "2025-13-01"));
        cases.put("lastExercisedOn", b -> b.put("lastExercisedOn", LocalDate.now().plusDays(10).toString()));
        cases.put("nextReviewDue", b -> {
            b.put("lastReviewedOn", "2025-04-01");
            b.put("nextReviewDue", "2025-03-31");
        });
        cases.put("ownerName", b -> b.put("ownerName", "長".repeat(101)));
        cases.put("ownerRole", b -> b.put("ownerRole", "x".repeat(101)));
        cases.put("scopeNotes", b -> b.put("scopeNotes", "範".repeat(2001)));
        cases.put("escalatesToPlanId", b -> b.put("escalatesToPlanId", 12345)); // only an IT_BCP escalates
        for (var e : cases.entrySet()) {
            Map<String, Object> body = planBody();
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(plans(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        assertThat(violationFields(error(HttpRequest.POST(plans(member), Map.of()).bearerAuth(sec))))
                .containsExactlyInAnyOrder("planType", "status");
        assertThat(countPlans(member)).isZero();
        assertThat(countChanges(member)).isZero();

        // the same rules on update, laid over the stored plan: the stored plan stays as it was
        long id = createPlanId(sec, member, planBody());
        String etag = etagOf(plans(member) + "/" + id, sec);
        HttpResponse<Map> r = error(HttpRequest.PATCH(plans(member) + "/" + id, Map.of("nextReviewDue", "2024-12-31",
                "scopeNotes", "x".repeat(2001))).header("If-Match", etag).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactlyInAnyOrder("nextReviewDue", "scopeNotes");
        assertThat(violationFields(error(HttpRequest.PATCH(plans(member) + "/" + id,
                Map.of("planType", "CONTINGENCY_PLAN", "status", "bcp-only")).header("If-Match", etag).bearerAuth(sec))))
                .containsExactly("status"); // bcp-only is not a 設問27 option
        // an IT-BCP may escalate only to a live BCP of the member, not to another IT-BCP
        long itBcp = createPlanId(sec, member, planBody("IT_BCP", "DRAFTED"));
        Map<String, Object> link = planBody("IT_BCP", "DRAFTED");
        link.put("escalatesToPlanId", itBcp);
        assertThat(violationFields(error(HttpRequest.POST(plans(member), link).bearerAuth(sec))))
                .containsExactly("escalatesToPlanId");
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE id = ? AND version = 0 AND next_review_due > ?",
                id, Date.valueOf("2025-01-01"))).isEqualTo(1);
        assertThat(countPlans(member)).isEqualTo(2);
        assertThat(countChanges(member)).isEqualTo(2);
        HttpResponse<Map> q = error(HttpRequest.GET(plans(member) + "?updatedSince=yesterday").bearerAuth(sec));
        assertThat(violationFields(q)).containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(plans(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
    }

    @Test
    void escalationLinkFromItBcpToBcpIsKeptConsistent() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long bcp = createPlanId(sec, member, planBody());
        Map<String, Object> body = planBody("IT_BCP", "DRAFTED");
        body.put("escalatesToPlanId", bcp);
        long itBcp = createPlanId(sec, member, body);
        assertThat(((Number) get(plans(member) + "/" + itBcp, sec).get("escalatesToPlanId")).longValue()).isEqualTo(bcp);
        // the BCP cannot be deleted while the IT-BCP escalates to it
        HttpResponse<Map> blocked = error(HttpRequest.DELETE(plans(member) + "/" + bcp)
                .header("If-Match", etagOf(plans(member) + "/" + bcp, sec)).bearerAuth(sec));
        assertThat(blocked.code()).isEqualTo(409);
        // unlink (0), then delete
        Map unlinked = exchange(HttpRequest.PATCH(plans(member) + "/" + itBcp, Map.of("escalatesToPlanId", 0))
                .header("If-Match", etagOf(plans(member) + "/" + itBcp, sec)), sec, Map.class).body();
        assertThat(unlinked).doesNotContainKey("escalatesToPlanId");
        assertThat(exchange(HttpRequest.DELETE(plans(member) + "/" + bcp)
                .header("If-Match", etagOf(plans(member) + "/" + bcp, sec)), sec, String.class).code()).isEqualTo(204);
    }

    @Test
    void deltaSyncReturnsChangesAndTombstonesOnly() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long old = createPlanId(op, member, planBody("CONTINGENCY_PLAN", "DRAFTED"));
        long kept = createPlanId(op, member, planBody());
        long gone = createPlanId(op, member, planBody("RECOVERY_PLAN", "IN_PREPARATION"));
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE continuity_plan SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo,
                anHourAgo, member);
        Map full = get(plans(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");
        assertThat(Instant.parse(token)).isBefore(Instant.now()).isAfter(anHourAgo.toInstant());

        exchange(HttpRequest.PATCH(plans(member) + "/" + kept, Map.of("lastExercisedOn", "2026-01-20"))
                .header("If-Match", etagOf(plans(member) + "/" + kept, op)), op, Map.class);
        exchange(HttpRequest.DELETE(plans(member) + "/" + gone).header("If-Match", etagOf(plans(member) + "/" + gone, op)),
                op, String.class);
        long added = createPlanId(op, member, planBody("IT_BCP", "NOT_DRAFTED"));

        Map delta = get(plans(member) + "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8), op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added);
        assertThat(items.get(0).get("lastExercisedOn")).isEqualTo("2026-01-20");
        assertThat(items.get(0).get("deleted")).isEqualTo(false);
        Map tombstone = items.get(1);
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("id", "deleted", "deletedAt");
        assertThat(tombstone.get("deleted")).isEqualTo(true);
        assertThat(ids(get(plans(member), op))).containsExactly(old, kept, added);

        assertThat(deltaPageByPage(plans(member), token, op)).containsExactly(kept, gone, added);
        assertThat(ids(get(plans(member) + "?updatedSince=" + Instant.now().plusSeconds(10), op))).isEmpty();
    }

    @Test
    void historyRecordsWhoChangedWhatAndSurvivesDeletion() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_ADMIN, member);
        String op = token(opPerson);
        long id = createPlanId(op, member, planBody());
        String etag2 = exchange(HttpRequest.PATCH(plans(member) + "/" + id, Map.of("status", "NOT_DRAFTED",
                "ownerName", "山田 太郎", "lastReviewedOn", "2025-06-30")).header("If-Match",
                etagOf(plans(member) + "/" + id, sec)), sec, Map.class).header("ETag");
        exchange(HttpRequest.DELETE(plans(member) + "/" + id).header("If-Match", etag2), op, String.class);

        List<Map> h = (List<Map>) get(plans(member) + "/" + id + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(0).get("after")).containsEntry("planType", "BCP").containsEntry("status", "DRAFTED");
        Map update = h.get(1);
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet()).containsExactlyInAnyOrder("status", "lastReviewedOn");
        assertThat((Map) update.get("before")).containsEntry("status", "DRAFTED").containsEntry("lastReviewedOn", "2025-04-01");
        assertThat((Map) update.get("after")).containsEntry("status", "NOT_DRAFTED")
                .containsEntry("lastReviewedOn", "2025-06-30");
        assertThat(h.get(2)).doesNotContainKey("after");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'continuity-plan' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(3);
        Map first = get(plans(member) + "/" + id + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(plans(member) + "/" + id + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
    }

    @Test
    void freshnessNeedsContingencyPlanAndBcpAndNoOverdueReviewAndConfirmRefreshesIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
        assertThat(error(HttpRequest.POST(plans(member) + "/confirm", Map.of()).bearerAuth(op)).code()).isEqualTo(409);

        long bcp = createPlanId(op, member, planBody());
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // no contingency plan
        long cp = createPlanId(op, member, planBody("CONTINGENCY_PLAN", "IN_PREPARATION"));
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // only being considered
        exchange(HttpRequest.PATCH(plans(member) + "/" + cp, Map.of("status", "DRAFTED"))
                .header("If-Match", etagOf(plans(member) + "/" + cp, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");

        // a review overdue makes it incomplete again
        execute("UPDATE continuity_plan SET next_review_due = ? WHERE id = ?",
                Date.valueOf(LocalDate.now().minusDays(2)), bcp);
        assertThat(get(plans(member) + "/" + bcp, op).get("reviewOverdue")).isEqualTo(true);
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE");
        execute("UPDATE continuity_plan SET next_review_due = ? WHERE id = ?",
                Date.valueOf(LocalDate.now().plusDays(200)), bcp);

        // untouched for 400 days: stale; "confirm unchanged" makes it current without an edit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE continuity_plan SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(state(sec, member).get("status")).isEqualTo("STALE");
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST(plans(member) + "/confirm", Map.of())
                .bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("planCount")).intValue()).isEqualTo(2);
        Map state = state(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE member_operator_id = ? AND version > 0 "
                + "AND id = ?", member, bcp)).isZero();
        List<Map> h = (List<Map>) get(plans(member) + "/" + bcp + "/history", sec).get("items");
        assertThat(h.getLast().get("changeType")).isEqualTo("CONFIRMED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'continuity-plan.list-confirmed'",
                tenantA().id())).isGreaterThanOrEqualTo(1);
    }

    private Map state(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream()
                        .filter(r -> "continuity-plans".equals(r.get("recordType"))).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }

}
