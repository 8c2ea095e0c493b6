package jp.ceptoarhub.suppliers;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' suppliers, operator users only their own
 * organisation's, NISC none; ids of another tenant or another member are not found, whatever the caller sends.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SupplierAccessTest extends SupplierTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersSuppliersById() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        String staffA1 = token(person(tenantA(), Role.OPERATOR_STAFF, a1));
        long sA1 = createSupplierId(opA1, a1, supplierBody());
        long sA2 = createSupplierId(secA, a2, supplierBody());
        long sB1 = createSupplierId(secB, b1, supplierBody());
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);

        for (MutableHttpRequest<?> r : everyRoute(b1, sB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, sB1).subList(2, 7)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("B's supplier under A's member: " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a2, sA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, sA2).subList(2, 7)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("a2's supplier under a1: " + r.getPath()).isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(b1, sB1)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }
        for (MutableHttpRequest<?> r : everyRoute(b1, sB1)) {
            assertThat(error(r).code()).as("no token: " + r.getMethodName() + " " + r.getPath()).isEqualTo(401);
        }

        // nothing was written
        assertThat(countSuppliers(b1)).isEqualTo(1);
        assertThat(countSuppliers(a1)).isEqualTo(1);
        assertThat(countSuppliers(a2)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM supplier WHERE id IN (?, ?) AND version = 0 "
                + "AND deleted_at IS NULL AND notes = ?", sB1, sA2, "年次の契約見直し時に確認")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE member_operator_id IN (?, ?)", b1, a2))
                .isZero();

        // positive controls
        assertThat(get(suppliers(b1) + "/" + sB1, secB).get("criticality")).isEqualTo("HIGH");
        assertThat(get(suppliers(a2) + "/" + sA2, secA).get("criticality")).isEqualTo("HIGH");
        assertThat(((List<Map>) get(suppliers(a1), staffA1).get("items")))
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(sA1);
        assertThat(createSupplierId(staffA1, a1, supplierBody())).isPositive();
        String etag = etagOf(suppliers(a2) + "/" + sA2, secA);
        assertThat(exchange(HttpRequest.PATCH(suppliers(a2) + "/" + sA2, Map.of("criticality", "MEDIUM"))
                .header("If-Match", etag), secA, Map.class).code()).isEqualTo(200);
        assertThat(error(HttpRequest.GET(suppliers(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(suppliers(a1) + "/999999999").bearerAuth(opA1)).code()).isEqualTo(404);
    }

    @Test
    void operatorStaffCannotWriteWhereTheTenantMadeSuppliersReadOnly() {
        String sec = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String staff = token(person(tenantB(), Role.OPERATOR_STAFF, member));
        String admin = token(person(tenantB(), Role.OPERATOR_ADMIN, member));
        long id = createSupplierId(staff, member, supplierBody());
        execute("INSERT INTO tenant_record_policy (tenant_id, record_type, operator_staff_read_only, updated_at) "
                + "VALUES (?, 'suppliers', TRUE, CURRENT_TIMESTAMP(3))", tenantB().id());
        try {
            long changes = countChanges(member);
            List<MutableHttpRequest<?>> writes = everyRoute(member, id).stream()
                    .filter(r -> !r.getMethodName().equals("GET")).toList();
            assertThat(writes).hasSize(5);
            for (MutableHttpRequest<?> r : writes) {
                var e = error(r.bearerAuth(staff));
                assertThat(e.code()).as("staff: " + r.getMethodName() + " " + r.getPath()).isEqualTo(403);
                assertThat((String) e.getBody(Map.class).orElseThrow().get("type")).endsWith("read-only-record-type");
            }
            assertThat(countChanges(member)).isEqualTo(changes);
            assertThat(countSuppliers(member)).isEqualTo(1);
            // reads stay open; operator admins and the secretariat may still write
            assertThat((List) get(suppliers(member), staff).get("items")).hasSize(1);
            assertThat(get(suppliers(member) + "/" + id + "/history", staff).get("items")).isNotNull();
            assertThat(createSupplierId(admin, member, supplierBody())).isPositive();
            assertThat(http.toBlocking().retrieve(HttpRequest.POST(suppliers(member) + "/confirm", Map.of())
                    .bearerAuth(sec), Map.class).get("supplierCount")).isEqualTo(2);
        } finally {
            execute("DELETE FROM tenant_record_policy WHERE tenant_id = ? AND record_type = 'suppliers'",
                    tenantB().id());
        }
    }

    /** Every route for the member and supplier: list-level (0-1), per supplier (2-6), then 7-8. */
    private static List<MutableHttpRequest<?>> everyRoute(long member, long supplier) {
        String base = suppliers(member);
        return List.of(
                HttpRequest.GET(base),
                HttpRequest.POST(base, supplierBody()),
                HttpRequest.GET(base + "/" + supplier),
                HttpRequest.PATCH(base + "/" + supplier, Map.of("nameJa", "改ざん")).header("If-Match", "*"),
                HttpRequest.DELETE(base + "/" + supplier).header("If-Match", "*"),
                HttpRequest.GET(base + "/" + supplier + "/history"),
                HttpRequest.PATCH(base + "/" + supplier, Map.of("notes", "x")).header("If-Match",
                        "W/\"supplier-" + supplier + "-v0\""),
                HttpRequest.GET(base + "?updatedSince=2020-01-01T00:00:00Z"),
                HttpRequest.POST(base + "/confirm", Map.of()));
    }
}
