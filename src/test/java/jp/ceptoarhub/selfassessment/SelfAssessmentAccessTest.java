package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' self-assessments, operator users only their own
 * organisation's, NISC none; members and campaigns of another tenant, or another member, are not found, whatever
 * the caller sends, and nothing is written.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentAccessTest extends SelfAssessmentTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersSelfAssessment() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        long campA = createCampaign(secA, "A", "2026-09-30", "2026-10-31");
        long campB = createCampaign(secB, "B", "2026-09-30", "2026-10-31");
        put(secA, a2, AUDIT, body(List.of("internal-only"), null, null), null);
        put(secB, b1, AUDIT, body(List.of("internal-only"), null, null), null);
        put(opA1, a1, AUDIT, body(List.of("internal-only"), null, null), null);
        exchange(HttpRequest.POST(submission(a2, campA), Map.of()), secA, Map.class);
        exchange(HttpRequest.POST(submission(b1, campB), Map.of()), secB, Map.class);
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);
        long auditB = count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?", tenantB().id());

        for (MutableHttpRequest<?> r : everyMemberRoute(b1, campB)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyMemberRoute(a1, campB)) {
            if (r.getPath().contains("/campaigns/")) {
                assertThat(error(r.bearerAuth(secA)).code()).as("B's campaign under A's member: " + r.getPath())
                        .isEqualTo(404);
            }
        }
        for (MutableHttpRequest<?> r : everyMemberRoute(a2, campA)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyMemberRoute(b1, campB)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }
        // campaigns of tenant B are not visible to tenant A, at all
        assertThat(error(HttpRequest.GET(CAMPAIGNS + "/" + campB).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(CAMPAIGNS + "/" + campB).bearerAuth(opA1)).code()).isEqualTo(404);
        assertThat(((List<Map>) get(CAMPAIGNS + "?limit=200", secA).get("items")))
                .extracting(c -> ((Number) c.get("id")).longValue()).contains(campA).doesNotContain(campB);
        assertThat(error(HttpRequest.GET(CAMPAIGNS).bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET(CAMPAIGNS + "/" + campB).bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.POST(CAMPAIGNS, Map.of("title", "x", "referenceDate", "2026-09-30",
                "deadline", "2026-10-31")).bearerAuth(nisc)).code()).isEqualTo(403);
        // tenant B's progress does not show tenant A's members, and vice versa
        List<Map> progressB = (List<Map>) get(CAMPAIGNS + "/" + campB, secB).get("members");
        assertThat(progressB).extracting(m -> ((Number) m.get("memberId")).longValue()).contains(b1)
                .doesNotContain(a1, a2);

        // nothing was written
        assertThat(countAnswers(b1)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ?", tenantB().id())).isEqualTo(auditB);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id IN (?, ?) AND version = 0 "
                + "AND deleted_at IS NULL AND option_ids = '[\"internal-only\"]'", b1, a2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_submission WHERE member_operator_id IN (?, ?) "
                + "AND status = 'SUBMITTED' AND version = 0", b1, a2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE member_operator_id IN (?, ?)", b1, a2)).isZero();
        assertThat(count("SELECT COUNT(*) FROM self_assessment_submission WHERE member_operator_id = ?", a1)).isZero();

        // positive controls
        assertThat(get(answer(b1, AUDIT), secB).get("optionIds")).isEqualTo(List.of("internal-only"));
        assertThat(get(submission(a2, campA), secA).get("status")).isEqualTo("SUBMITTED");
        assertThat((List) get(answers(a1), opA1).get("items")).hasSize(1);
        assertThat(get("/api/v1/self-assessment/catalogue", nisc).get("version")).isEqualTo("fy2024");
        assertThat(error(HttpRequest.GET(answers(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
    }

    @Test
    void operatorStaffFollowsTheTenantsReadOnlyPolicy() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String staff = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long campaign = createCampaign(sec, "方針", "2026-09-30", "2026-10-31");
        put(staff, member, AUDIT, body(List.of("internal-only"), null, null), null);
        execute("INSERT INTO tenant_record_policy (tenant_id, record_type, operator_staff_read_only, updated_at) "
                + "VALUES (?, 'self-assessment', TRUE, NOW(3))", tenantA().id());
        try {
            for (MutableHttpRequest<?> r : List.<MutableHttpRequest<?>>of(
                    HttpRequest.PUT(answer(member, BACKUP), body(List.of("unlisted"), "x", null)),
                    HttpRequest.PATCH(answers(member), Map.of("answers", List.of(item(BACKUP, List.of("unlisted"),
                            "x")))),
                    HttpRequest.DELETE(answer(member, AUDIT)).header("If-Match", "*"),
                    HttpRequest.POST("/api/v1/members/" + member + "/self-assessment/confirm", Map.of()),
                    HttpRequest.POST(submission(member, campaign), Map.of()))) {
                assertThat(error(r.bearerAuth(staff)).code()).as(r.getMethodName() + " " + r.getPath()).isEqualTo(403);
            }
            assertThat((List) get(answers(member), staff).get("items")).hasSize(1);
            assertThat(countAnswers(member)).isEqualTo(1);
        } finally {
            execute("DELETE FROM tenant_record_policy WHERE tenant_id = ? AND record_type = 'self-assessment'",
                    tenantA().id());
        }
    }

    /** Every member-scoped route for the member and campaign. */
    private static List<MutableHttpRequest<?>> everyMemberRoute(long member, long campaign) {
        String confirm = "/api/v1/members/" + member + "/self-assessment/confirm";
        return List.of(
                HttpRequest.GET(answers(member)),
                HttpRequest.GET(answers(member) + "?updatedSince=2020-01-01T00:00:00Z"),
                HttpRequest.PATCH(answers(member), Map.of("answers", List.of(item(AUDIT, List.of("neither"), null))))
                        .header("If-Match", "*"),
                HttpRequest.GET(answer(member, AUDIT)),
                HttpRequest.PUT(answer(member, AUDIT), body(List.of("neither"), null, null)).header("If-Match", "*"),
                HttpRequest.PUT(answer(member, BACKUP), body(List.of("unlisted"), "改ざん", null)),
                HttpRequest.PUT(answer(member, AUDIT) + "/coding", Map.of("code", "IMPLEMENTED"))
                        .header("If-Match", "*"),
                HttpRequest.DELETE(answer(member, AUDIT) + "/coding").header("If-Match", "*"),
                HttpRequest.PUT(submission(member, campaign) + "/answers/" + AUDIT + "/coding",
                        Map.of("code", "IMPLEMENTED")).header("If-Match", "*"),
                HttpRequest.DELETE(submission(member, campaign) + "/answers/" + AUDIT + "/coding")
                        .header("If-Match", "*"),
                HttpRequest.DELETE(answer(member, AUDIT)).header("If-Match", "*"),
                HttpRequest.GET(answer(member, AUDIT) + "/history"),
                HttpRequest.POST(confirm, Map.of()),
                HttpRequest.POST(submission(member, campaign), Map.of()),
                HttpRequest.GET(submission(member, campaign)),
                HttpRequest.POST(submission(member, campaign) + "/accept", Map.of()).header("If-Match", "*"),
                HttpRequest.POST(submission(member, campaign) + "/return", Map.of("comment", "x"))
                        .header("If-Match", "*"),
                HttpRequest.GET(submission(member, campaign) + "/history"));
    }
}
