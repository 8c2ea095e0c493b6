package jp.ceptoarhub.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TenantProvisioningTest extends IntegrationTest {
    @Inject
    JdbcOperations jdbc;

    private Map<String, Object> createBody(String code) {
        return Map.of("code", code, "nameJa", "電力CEPTOAR（試験）", "nameEn", "Electricity CEPTOAR (test)",
                "ceptoarCode", "ELECTRICITY_CEPTOAR",
                "firstAdmin", Map.of("username", "admin-" + code, "email", "admin-" + code + "@example.jp",
                        "displayName", "事務局 太郎"));
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void platformAdminCreatesTenantWhoseFirstAdminLogsInWithoutRestart() throws Exception {
        String admin = token(person(national(), Role.PLATFORM_ADMIN));
        String code = unique("t");

        HttpResponse<Map> created = exchange(HttpRequest.POST("/api/v1/platform/tenants", createBody(code)), admin, Map.class);

        assertThat(created.code()).isEqualTo(HttpStatus.CREATED.getCode());
        Map<String, Object> body = created.body();
        assertThat(body.get("code")).isEqualTo(code);
        assertThat(body.get("nameJa")).isEqualTo("電力CEPTOAR（試験）");
        assertThat(body.get("realm")).isEqualTo("ceptoar-" + code);
        assertThat((CharSequence) created.getHeaders().get("ETag")).isNotEmpty();
        Map<String, Object> firstAdmin = (Map<String, Object>) body.get("firstAdmin");
        assertThat((List<String>) firstAdmin.get("requiredActions")).contains("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat((Object) firstAdmin.get("temporaryPassword")).isNotNull();

        // The invited secretariat admin completes Keycloak's required actions (new password, TOTP) and calls the API.
        KeycloakLogin.Result login = firstLogin("ceptoar-" + code, "admin-" + code, (String) firstAdmin.get("temporaryPassword"));
        assertThat(login.totpSecret()).as("TOTP was configured during first login").isNotNull();
        Map me = get("/api/v1/me", login.accessToken());
        assertThat((Object) ((Map) me.get("tenant")).get("code")).isEqualTo(code);
        assertThat((Object) ((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("secretariat-admin");
    }
}
