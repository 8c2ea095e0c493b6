package jp.ceptoarhub.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linking a system to a service while the service is being deleted: one of the two wins, never both. Either the
 * deletion succeeds and the link is refused (400 naming serviceIds[0]), or the link succeeds and the deletion is
 * refused (409); no live link to a deleted service is ever left behind.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class BusinessSystemConcurrencyTest extends CriticalServiceTestSupport {

    @Test
    void aServiceIsNeverDeletedWhileASystemLinksToIt() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        int linkedWins = 0;
        int deleteWins = 0;
        for (int round = 0; round < 8; round++) {
            long service = createServiceId(sec, member, serviceBody());
            String etag = etagOf(services(member) + "/" + service, sec);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> delete = CompletableFuture.supplyAsync(() -> {
                await(start);
                return status(HttpRequest.DELETE(services(member) + "/" + service).header("If-Match", etag)
                        .bearerAuth(sec));
            });
            CompletableFuture<Integer> link = CompletableFuture.supplyAsync(() -> {
                await(start);
                return status(HttpRequest.POST(systems(member), systemBody(service)).bearerAuth(op));
            });
            int deleted = delete.get();
            int linked = link.get();
            if (deleted == 204) {
                assertThat(linked).as("round " + round).isEqualTo(400);
                deleteWins++;
            } else {
                assertThat(List.of(deleted, linked)).as("round " + round).containsExactly(409, 201);
                linkedWins++;
            }
        }
        assertThat(linkedWins + deleteWins).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM business_system_service l JOIN critical_service s "
                + "ON s.id = l.service_id WHERE l.member_operator_id = ? AND s.deleted_at IS NOT NULL", member)).isZero();
        assertThat(count("SELECT COUNT(*) FROM business_system WHERE member_operator_id = ?", member))
                .isEqualTo(linkedWins);
        assertThat(((List<Map>) get(systems(member), op).get("items"))).hasSize(linkedWins);
    }

    private int status(io.micronaut.http.MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
