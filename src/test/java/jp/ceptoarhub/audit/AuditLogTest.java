package jp.ceptoarhub.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AuditLogTest extends IntegrationTest {
    @Inject
    JdbcOperations jdbc;

    private int update(String sql, Object... params) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private Map verification(String token) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit-log/verification").bearerAuth(token), Map.class);
    }

    @Test
    void everyWriteIsLoggedAndTheSecretariatSeesOnlyItsOwnTenantsLog() {
        Tenant a = newTenant("監査試験A");
        Tenant b = newTenant("監査試験B");
        String adminA = token(person(a, Role.SECRETARIAT_ADMIN));
        Map log = get("/api/v1/audit-log", adminA);
        List<Map> items = (List<Map>) log.get("items");
        assertThat(items).extracting(e -> e.get("action")).contains("tenant.created", "user.invited");
        assertThat(items).filteredOn(e -> "tenant".equals(e.get("entityType")))
                .extracting(e -> e.get("entityId")).containsOnly(String.valueOf(a.id()));
        Map first = items.getFirst();
        assertThat(first.get("seq")).isEqualTo(1);
        assertThat((String) first.get("prevHash")).isEqualTo("0".repeat(64));
        assertThat((String) first.get("actorSubject")).isNotBlank();
        assertThat(verification(adminA).get("valid")).isEqualTo(true);

        // Operators and NISC analysts do not read a CEPTOAR's audit log.
        assertThat(error(HttpRequest.GET("/api/v1/audit-log").bearerAuth(token(person(a, Role.OPERATOR_ADMIN)))).code()).isEqualTo(403);
        String analyst = token(person(national(), Role.NISC_ANALYST));
        assertThat(error(HttpRequest.GET("/api/v1/audit-log?tenantId=" + b.id()).bearerAuth(analyst)).code()).isEqualTo(403);
    }

    @Test
    void anEditedRowIsDetected() {
        Tenant t = newTenant("改ざん検知試験");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        assertThat(verification(admin).get("valid")).isEqualTo(true);
        update("UPDATE audit_log SET details = 'innocent' WHERE tenant_id = ? AND seq = 1", t.id());
        Map result = verification(admin);
        assertThat(result.get("valid")).isEqualTo(false);
        assertThat(result.get("firstBrokenSeq")).isEqualTo(1);
    }

    @Test
    void aDeletedRowIsDetected() {
        Tenant t = newTenant("削除検知試験");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        person(t, Role.SECRETARIAT_STAFF);
        // person() writes no audit entries itself; the tenant's creation wrote tenant.created + user.invited.
        assertThat(update("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 1", t.id())).isEqualTo(1);
        assertThat(verification(admin).get("valid")).isEqualTo(false);
    }

    @Test
    void aTruncatedTailIsDetected() {
        Tenant t = newTenant("末尾削除検知試験");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        update("DELETE FROM audit_log WHERE tenant_id = ? AND seq = (SELECT m FROM (SELECT MAX(seq) m FROM audit_log WHERE tenant_id = ?) x)",
                t.id(), t.id());
        assertThat(verification(admin).get("valid")).isEqualTo(false);
    }
}
