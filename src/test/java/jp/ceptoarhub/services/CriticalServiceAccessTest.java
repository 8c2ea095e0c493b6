package jp.ceptoarhub.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' critical services and systems, operator users only
 * their own organisation's, NISC none; ids of another tenant or another member are not found, whatever the caller
 * sends, and nothing is written.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class CriticalServiceAccessTest extends CriticalServiceTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersServicesOrSystemsById() {
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
        long yA1 = createSystemId(opA1, a1, systemBody(sA1));
        long yA2 = createSystemId(secA, a2, systemBody(sA2));
        long yB1 = createSystemId(secB, b1, systemBody(sB1));
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);

        for (MutableHttpRequest<?> r : everyRoute(b1, sB1, yB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : perRecordRoutes(a1, sB1, yB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("B's record under A's member: " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a2, sA2, yA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : perRecordRoutes(a1, sA2, yA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("a2's record under a1: " + r.getPath()).isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(b1, sB1, yB1)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }
        // a system of a1 cannot link to a service of another member or tenant
        assertThat(violationFields(error(HttpRequest.POST(systems(a1), systemBody(sA2)).bearerAuth(opA1))))
                .containsExactly("serviceIds[0]");
        assertThat(violationFields(error(HttpRequest.POST(systems(a1), systemBody(sA1, sB1)).bearerAuth(secA))))
                .containsExactly("serviceIds[1]");
        assertThat(violationFields(error(HttpRequest.PATCH(systems(a1) + "/" + yA1,
                Map.of("serviceIds", List.of(sB1))).header("If-Match", "*").bearerAuth(secA))))
                .containsExactly("serviceIds[0]");

        // nothing was written
        assertThat(countServices(b1)).isEqualTo(1);
        assertThat(countSystems(b1)).isEqualTo(1);
        assertThat(countServices(a1)).isEqualTo(1);
        assertThat(countSystems(a1)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE id IN (?, ?) AND version = 0 "
                + "AND deleted_at IS NULL", sB1, sA2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM business_system WHERE id IN (?, ?, ?) AND version = 0 "
                + "AND deleted_at IS NULL", yB1, yA2, yA1)).isEqualTo(3);
        assertThat(countLinks(b1)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM business_system_service WHERE system_id = ? AND service_id = ?",
                yA1, sA1)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE member_operator_id IN (?, ?)", b1, a2))
                .isZero();

        // positive controls
        assertThat(get(services(b1) + "/" + sB1, secB).get("rtoMinutes")).isEqualTo(10);
        assertThat(get(systems(a2) + "/" + yA2, secA).get("kind")).isEqualTo("OT");
        assertThat(ids(get(services(a1), staffA1))).containsExactly(sA1);
        assertThat(ids(get(systems(a1), staffA1))).containsExactly(yA1);
        assertThat(createSystemId(staffA1, a1, systemBody(sA1))).isPositive();
        assertThat(error(HttpRequest.GET(services(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(systems(a1) + "/999999999").bearerAuth(opA1)).code()).isEqualTo(404);
    }

    @Test
    void operatorStaffCannotWriteWhereTheTenantMadeTheAreaReadOnly() {
        String sec = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String staff = token(person(tenantB(), Role.OPERATOR_STAFF, member));
        String admin = token(person(tenantB(), Role.OPERATOR_ADMIN, member));
        long service = createServiceId(staff, member, serviceBody());
        long system = createSystemId(staff, member, systemBody(service));
        execute("INSERT INTO tenant_record_policy (tenant_id, record_type, operator_staff_read_only, updated_at) "
                + "VALUES (?, 'critical-services', TRUE, CURRENT_TIMESTAMP(3))", tenantB().id());
        try {
            List<MutableHttpRequest<?>> writes = new ArrayList<>();
            for (MutableHttpRequest<?> r : everyRoute(member, service, system)) {
                if (!r.getMethodName().equals("GET")) {
                    writes.add(r);
                }
            }
            long changes = countChanges(member);
            for (MutableHttpRequest<?> r : writes) {
                assertThat(error(r.bearerAuth(staff)).code()).as("staff: " + r.getMethodName() + " " + r.getPath())
                        .isEqualTo(403);
            }
            assertThat(countChanges(member)).isEqualTo(changes);
            assertThat(ids(get(services(member), staff))).containsExactly(service);
            assertThat(get(systems(member) + "/" + system + "/history", staff)).containsKey("items");
            assertThat(createServiceId(admin, member, serviceBody())).isPositive();
        } finally {
            execute("DELETE FROM tenant_record_policy WHERE tenant_id = ?", tenantB().id());
        }
    }

    /** Every route for the member, service and system. */
    private static List<MutableHttpRequest<?>> everyRoute(long member, long service, long system) {
        List<MutableHttpRequest<?>> all = new ArrayList<>();
        all.add(HttpRequest.GET(services(member)));
        all.add(HttpRequest.GET(services(member) + "?updatedSince=2020-01-01T00:00:00Z"));
        all.add(HttpRequest.POST(services(member), serviceBody()));
        all.add(HttpRequest.POST(services(member) + "/confirm", Map.of()));
        all.add(HttpRequest.GET(systems(member)));
        all.add(HttpRequest.GET(systems(member) + "?updatedSince=2020-01-01T00:00:00Z"));
        all.add(HttpRequest.POST(systems(member), systemBody()));
        all.add(HttpRequest.POST(systems(member) + "/confirm", Map.of()));
        all.addAll(perRecordRoutes(member, service, system));
        return all;
    }

    /** The routes of one service and one system. */
    private static List<MutableHttpRequest<?>> perRecordRoutes(long member, long service, long system) {
        String s = services(member) + "/" + service;
        String y = systems(member) + "/" + system;
        return List.of(
                HttpRequest.GET(s),
                HttpRequest.PATCH(s, Map.of("ownerName", "改ざん")).header("If-Match", "*"),
                HttpRequest.PATCH(s, Map.of("rtoMinutes", 1)).header("If-Match",
                        "W/\"critical-service-" + service + "-v0\""),
                HttpRequest.DELETE(s).header("If-Match", "*"),
                HttpRequest.GET(s + "/history"),
                HttpRequest.GET(y),
                HttpRequest.PATCH(y, Map.of("name", "改ざん")).header("If-Match", "*"),
                HttpRequest.PATCH(y, Map.of("serviceIds", List.of())).header("If-Match",
                        "W/\"business-system-" + system + "-v0\""),
                HttpRequest.DELETE(y).header("If-Match", "*"),
                HttpRequest.GET(y + "/history"));
    }
}
