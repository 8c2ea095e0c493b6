package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 5: Micronaut's management endpoints other than health and metrics do not exist — for a signed-in
 * caller of any role too — and answer a clean 404 problem, never a 500.
 */
@MicronautTest(transactional = false)
class ManagementEndpointsTest extends IntegrationTest {
    private static final List<String> ENDPOINTS = List.of("/beans", "/routes", "/threaddump", "/env", "/loggers",
            "/info", "/caches", "/refresh", "/stop", "/metrics");

    @Test
    @SuppressWarnings("rawtypes")
    void managementEndpointsAreNotServed() {
        String operator = token(person(newTenant("管理端点CEPTOAR"), Role.OPERATOR_STAFF));
        for (String token : List.of(operator, platformAdminToken())) {
            for (String path : ENDPOINTS) {
                for (var request : List.of(HttpRequest.GET(path), HttpRequest.POST(path, Map.of()))) {
                    HttpResponse<Map> r = error(request.bearerAuth(token));
                    assertThat(r.code()).as("%s %s", request.getMethodName(), path).isIn(404, 405);
                    assertThat(r.getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
                }
            }
        }
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/health/readiness"), Map.class).code()).isEqualTo(200);
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/prometheus"))).contains("jvm_memory_used_bytes");
    }
}
