package jp.ceptoarhub.suppliers;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.records.RecordLinks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier that a live record of another type links to cannot be deleted (409 listing the links). The linking
 * record type is played by {@link TestSystems}, a {@link RecordLinks.Source} that exists only in this class's
 * application context (environment {@value #ENV}), so no other test sees it.
 */
@MicronautTest(transactional = false, environments = SupplierLinksTest.ENV)
@SuppressWarnings({"rawtypes", "unchecked"})
class SupplierLinksTest extends SupplierTestSupport {
    static final String ENV = "supplier-links-test";

    /** Links of a pretend "critical systems" record type, keyed by tenant/member/supplier. */
    @Singleton
    @Requires(env = ENV)
    static class TestSystems implements RecordLinks.Source {
        static final Map<String, List<String>> LINKS = new ConcurrentHashMap<>();

        static String key(long tenantId, long memberId, long supplierId) {
            return tenantId + "/" + memberId + "/" + supplierId;
        }

        @Override
        public String recordType() {
            return "critical-services";
        }

        @Override
        public List<String> linksTo(String targetType, long tenantId, long memberId, long targetId) {
            if (!"suppliers".equals(targetType)) {
                return List.of();
            }
            return LINKS.getOrDefault(key(tenantId, memberId, targetId), List.of());
        }
    }

    @Test
    void aLinkedSupplierCannotBeDeletedUntilTheLinkIsGone() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long linked = createSupplierId(sec, member, supplierBody());
        long free = createSupplierId(sec, member, supplierBody());
        String key = TestSystems.key(tenantA().id(), member, linked);
        TestSystems.LINKS.put(key, List.of("system 12 基幹系システム", "system 14 給電制御システム"));
        try {
            String etag = etagOf(suppliers(member) + "/" + linked, sec);
            HttpResponse<Map> refused = error(HttpRequest.DELETE(suppliers(member) + "/" + linked)
                    .header("If-Match", etag).bearerAuth(sec));
            assertThat(refused.code()).isEqualTo(409);
            assertThat(refused.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            Map problem = refused.getBody(Map.class).orElseThrow();
            assertThat((String) problem.get("type")).endsWith("supplier-linked");
            assertThat((String) problem.get("detail")).contains("system 12 基幹系システム", "system 14 給電制御システム");
            assertThat((List<Map>) problem.get("violations")).extracting(v -> v.get("field") + ": " + v.get("message"))
                    .containsExactly("critical-services: system 12 基幹系システム",
                            "critical-services: system 14 給電制御システム");
            assertThat(count("SELECT COUNT(*) FROM supplier WHERE id = ? AND deleted_at IS NULL AND version = 0",
                    linked)).isEqualTo(1);
            assertThat(countChanges(member)).isEqualTo(2);
            // the link of another supplier does not block this one
            assertThat(exchange(HttpRequest.DELETE(suppliers(member) + "/" + free)
                    .header("If-Match", etagOf(suppliers(member) + "/" + free, sec)), sec, String.class).code())
                    .isEqualTo(204);

            TestSystems.LINKS.remove(key);
            assertThat(exchange(HttpRequest.DELETE(suppliers(member) + "/" + linked).header("If-Match", etag), sec,
                    String.class).code()).isEqualTo(204);
        } finally {
            TestSystems.LINKS.remove(key);
        }
    }
}
