package jp.ceptoarhub.continuity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' continuity plans, operator users only their own
 * organisation's, NISC none; ids of another tenant or another member are not found, whatever the caller sends.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ContinuityAccessTest extends ContinuityTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersPlansById() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        String staffA1 = token(person(tenantA(), Role.OPERATOR_STAFF, a1));
        long pA1 = createPlanId(opA1, a1, planBody());
        long pA2 = createPlanId(secA, a2, planBody());
        long pB1 = createPlanId(secB, b1, planBody());
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);

        for (MutableHttpRequest<?> r : everyRoute(b1, pB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, pB1).subList(2, 7)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("B's plan under A's member: " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a2, pA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, pA2).subList(2, 7)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("a2's plan under a1: " + r.getPath()).isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(b1, pB1)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }
        // an IT-BCP of a1 cannot escalate to a BCP of another member or tenant
        Map<String, Object> itBcp = planBody("IT_BCP", "DRAFTED");
        itBcp.put("escalatesToPlanId", pA2);
        assertThat(violationFields(error(HttpRequest.POST(plans(a1), itBcp).bearerAuth(opA1))))
                .containsExactly("escalatesToPlanId");
        itBcp.put("escalatesToPlanId", pB1);
        assertThat(violationFields(error(HttpRequest.POST(plans(a1), itBcp).bearerAuth(secA))))
                .containsExactly("escalatesToPlanId");

        // nothing was written
        assertThat(countPlans(b1)).isEqualTo(1);
        assertThat(countPlans(a1)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM continuity_plan WHERE id IN (?, ?) AND version = 0 "
                + "AND deleted_at IS NULL", pB1, pA2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE record_type = 'continuity-plans' "
                + "AND member_operator_id IN (?, ?)", b1, a2)).isZero();

        // positive controls
        assertThat(get(plans(b1) + "/" + pB1, secB).get("status")).isEqualTo("DRAFTED");
        assertThat(get(plans(a2) + "/" + pA2, secA).get("status")).isEqualTo("DRAFTED");
        assertThat(((List<Map>) get(plans(a1), staffA1).get("items")))
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(pA1);
        itBcp.put("escalatesToPlanId", pA1);
        assertThat(((Number) createPlan(staffA1, a1, itBcp).body().get("escalatesToPlanId")).longValue()).isEqualTo(pA1);
        String etag = etagOf(plans(a2) + "/" + pA2, secA);
        assertThat(exchange(HttpRequest.PATCH(plans(a2) + "/" + pA2, Map.of("ownerRole", "経営企画部長"))
                .header("If-Match", etag), secA, Map.class).code()).isEqualTo(200);
        assertThat(error(HttpRequest.GET(plans(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(plans(a1) + "/999999999").bearerAuth(opA1)).code()).isEqualTo(404);
    }

    /** Every route for the member and plan: list-level (0-1), per plan (2-6), then 7-8. */
    private static List<MutableHttpRequest<?>> everyRoute(long member, long plan) {
        String base = plans(member);
        return List.of(
                HttpRequest.GET(base),
                HttpRequest.POST(base, planBody()),
                HttpRequest.GET(base + "/" + plan),
                HttpRequest.PATCH(base + "/" + plan, Map.of("ownerName", "改ざん")).header("If-Match", "*"),
                HttpRequest.DELETE(base + "/" + plan).header("If-Match", "*"),
                HttpRequest.GET(base + "/" + plan + "/history"),
                HttpRequest.PATCH(base + "/" + plan, Map.of("scopeNotes", "x")).header("If-Match",
                        "W/\"continuity-plan-" + plan + "-v0\""),
                HttpRequest.GET(base + "?updatedSince=2020-01-01T00:00:00Z"),
                HttpRequest.POST(base + "/confirm", Map.of()));
    }
}
