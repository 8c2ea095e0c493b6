package jp.ceptoarhub.cloud;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' cloud services, operator users only their own
 * organisation's, NISC none; ids of another tenant or another member are not found, whatever the caller sends, and
 * nothing is written.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class CloudServiceAccessTest extends CloudServiceTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersServicesById() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        String staffA1 = token(person(tenantA(), Role.OPERATOR_STAFF, a1));
        long sA1 = createServiceId(opA1, a1, serviceBody());
        long sA2 = createServiceId(secA, a2, serviceBody());
        long sB1 = createServiceId(secB, b1, serviceBody());
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);

        for (MutableHttpRequest<?> r : everyRoute(b1, sB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        long changesA1 = countChanges(a1);
        for (MutableHttpRequest<?> r : everyRoute(a1, sA1)) {
            assertThat(error(r.bearerAuth(secB)).code()).as("secretariat B: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        assertThat(countChanges(a1)).isEqualTo(changesA1);
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND version = 0 AND deleted_at IS NULL "
                + "AND notes IS NULL", sA1)).isEqualTo(1);
        for (MutableHttpRequest<?> r : everyRoute(a1, sB1).subList(2, 7)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("B's service under A's member: " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a2, sA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, sA2).subList(2, 7)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("a2's service under a1: " + r.getPath()).isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(b1, sB1)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }

        // nothing was written
        assertThat(countServices(b1)).isEqualTo(1);
        assertThat(countServices(a1)).isEqualTo(1);
        assertThat(countServices(a2)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id IN (?, ?) AND version = 0 "
                + "AND deleted_at IS NULL AND notes IS NULL", sB1, sA2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE record_type = 'cloud-services' "
                + "AND member_operator_id IN (?, ?)", b1, a2)).isZero();

        // positive controls
        assertThat(get(services(b1) + "/" + sB1, secB).get("providerName")).isEqualTo("東都クラウド株式会社");
        assertThat(get(services(a2) + "/" + sA2, secA).get("providerName")).isEqualTo("東都クラウド株式会社");
        assertThat(((List<Map>) get(services(a1), staffA1).get("items")))
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(sA1);
        String etag = etagOf(services(a2) + "/" + sA2, secA);
        assertThat(exchange(HttpRequest.PATCH(services(a2) + "/" + sA2, Map.of("ownerRole", "経営企画部長"))
                .header("If-Match", etag), secA, Map.class).code()).isEqualTo(200);
        assertThat(exchange(HttpRequest.POST(services(a1) + "/confirm", Map.of()), staffA1, Map.class).code())
                .isEqualTo(200);
        assertThat(error(HttpRequest.GET(services(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(services(a1) + "/999999999").bearerAuth(opA1)).code()).isEqualTo(404);
    }

    @Test
    void whereTheTenantMadeCloudServicesReadOnlyForOperatorStaffEveryWriteIs403AndReadsStillWork() {
        var tenant = newTenant("読取専用CEPTOAR");
        String sec = token(person(tenant, Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String staff = token(person(tenant, Role.OPERATOR_STAFF, member));
        String admin = token(person(tenant, Role.OPERATOR_ADMIN, member));
        long id = createServiceId(staff, member, serviceBody());
        execute("INSERT INTO tenant_record_policy (tenant_id, record_type, operator_staff_read_only, updated_at) "
                + "VALUES (?, 'cloud-services', TRUE, CURRENT_TIMESTAMP(3))", tenant.id());
        List<MutableHttpRequest<?>> writes = List.of(
                HttpRequest.POST(services(member), serviceBody()),
                HttpRequest.PATCH(services(member) + "/" + id, Map.of("notes", "x")).header("If-Match", "*"),
                HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", "*"),
                HttpRequest.POST(services(member) + "/confirm", Map.of()));
        for (MutableHttpRequest<?> r : writes) {
            var e = error(r.bearerAuth(staff));
            assertThat(e.code()).as(r.getMethodName() + " " + r.getPath()).isEqualTo(403);
            assertThat(String.valueOf(e.getBody(Map.class).orElseThrow().get("type"))).contains("read-only-record-type");
        }
        assertThat(countServices(member)).isEqualTo(1);
        assertThat(countChanges(member)).isEqualTo(1);
        assertThat(get(services(member) + "/" + id, staff).get("id")).isNotNull();
        assertThat(get(services(member) + "/" + id + "/history", staff).get("items")).isNotNull();
        assertThat(exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("notes", "管理者による更新"))
                .header("If-Match", "*"), admin, Map.class).code()).isEqualTo(200);
    }

    /** Every route for the member and service: list-level (0-1), per service (2-6), then 7-8. */
    private static List<MutableHttpRequest<?>> everyRoute(long member, long service) {
        String base = services(member);
        return List.of(
                HttpRequest.GET(base),
                HttpRequest.POST(base, serviceBody()),
                HttpRequest.GET(base + "/" + service),
                HttpRequest.PATCH(base + "/" + service, Map.of("notes", "改ざん")).header("If-Match", "*"),
                HttpRequest.DELETE(base + "/" + service).header("If-Match", "*"),
                HttpRequest.GET(base + "/" + service + "/history"),
                HttpRequest.PATCH(base + "/" + service, Map.of("notes", "x")).header("If-Match",
                        "W/\"cloud-service-" + service + "-v0\""),
                HttpRequest.GET(base + "?updatedSince=2020-01-01T00:00:00Z"),
                HttpRequest.POST(base + "/confirm", Map.of()));
    }
}
