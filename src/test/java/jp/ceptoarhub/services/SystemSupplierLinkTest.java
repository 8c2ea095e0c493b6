package jp.ceptoarhub.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Systems link to the member's suppliers across features (records.RecordLinks): a system can name only live
 * suppliers of its own member, and a supplier a live system depends on cannot be deleted until the link is gone.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SystemSupplierLinkTest extends CriticalServiceTestSupport {

    @Test
    void aSupplierASystemDependsOnCannotBeDeletedAndOnlyOwnSuppliersCanBeLinked() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        String suppliers = "/api/v1/members/" + member + "/suppliers";
        long supplier = supplier(op, suppliers);
        long othersSupplier = supplier(sec, "/api/v1/members/" + other + "/suppliers");
        long service = createServiceId(op, member, serviceBody());

        Map<String, Object> body = systemBody(service);
        body.put("supplierIds", List.of(supplier, othersSupplier));
        HttpResponse<Map> refused = error(HttpRequest.POST(systems(member), body).bearerAuth(op));
        assertThat(refused.code()).isEqualTo(400);
        assertThat((List<Map>) refused.getBody(Map.class).orElseThrow().get("violations"))
                .extracting(v -> v.get("field")).containsExactly("supplierIds[1]");

        body.put("supplierIds", List.of(supplier));
        long system = createSystemId(op, member, body);
        assertThat((List<?>) get(systems(member) + "/" + system, op).get("supplierIds")).hasSize(1);

        HttpResponse<Map> linked = error(HttpRequest.DELETE(suppliers + "/" + supplier)
                .header("If-Match", etag(suppliers + "/" + supplier, op)).bearerAuth(op));
        assertThat(linked.code()).isEqualTo(409);
        assertThat(linked.getBody(Map.class).orElseThrow().get("detail").toString()).contains(String.valueOf(system));
        assertThat(get(suppliers + "/" + supplier, op).get("id")).isNotNull();

        exchange(HttpRequest.DELETE(systems(member) + "/" + system)
                .header("If-Match", etag(systems(member) + "/" + system, op)), op, Map.class);
        assertThat(exchange(HttpRequest.DELETE(suppliers + "/" + supplier)
                .header("If-Match", etag(suppliers + "/" + supplier, op)), op, Map.class).code()).isEqualTo(204);
    }

    @Test
    void aSupplierIsNeverDeletedWhileASystemLinksToIt() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        String suppliers = "/api/v1/members/" + member + "/suppliers";
        long service = createServiceId(sec, member, serviceBody());
        int linkWins = 0;
        for (int round = 0; round < 8; round++) {
            long supplier = supplier(sec, suppliers);
            String etag = etag(suppliers + "/" + supplier, sec);
            Map<String, Object> system = systemBody(service);
            system.put("supplierIds", List.of(supplier));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            var delete = java.util.concurrent.CompletableFuture.supplyAsync(() -> status(start,
                    HttpRequest.DELETE(suppliers + "/" + supplier).header("If-Match", etag).bearerAuth(sec)));
            var link = java.util.concurrent.CompletableFuture.supplyAsync(() -> status(start,
                    HttpRequest.POST(systems(member), system).bearerAuth(op)));
            List<Integer> outcome = List.of(delete.get(), link.get());
            assertThat(outcome).as("round " + round).isIn(List.of(204, 400), List.of(409, 201));
            linkWins += outcome.get(1) == 201 ? 1 : 0;
        }
        assertThat(count("SELECT COUNT(*) FROM business_system_supplier l JOIN supplier s ON s.id = l.supplier_id "
                + "WHERE l.member_operator_id = ? AND s.deleted_at IS NOT NULL", member)).isZero();
        assertThat(count("SELECT COUNT(*) FROM business_system WHERE member_operator_id = ?", member))
                .isEqualTo(linkWins);
    }

    private int status(java.util.concurrent.CyclicBarrier start, io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            start.await();
            return http.toBlocking().exchange(request, String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long supplier(String token, String path) {
        Map<String, Object> body = Map.of("nameJa", "東都システム株式会社", "supplierTypes", List.of("SYSTEM_VENDOR"),
                "criticality", "HIGH", "country", "JP");
        HttpResponse<Map> r = exchange(HttpRequest.POST(path, body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    private String etag(String path, String token) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), Map.class).header("ETag");
    }
}
