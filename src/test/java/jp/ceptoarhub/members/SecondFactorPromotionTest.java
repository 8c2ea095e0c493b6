package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 item 2: promoting an operator to a role that needs a second factor grants nothing until one is proven.
 * The person's sessions end, the tokens they hold are refused, their refresh token no longer works, and the next
 * sign-in enrols an authenticator before any token is issued.
 */
@MicronautTest(transactional = false)
class SecondFactorPromotionTest extends MembersTestSupport {
    @Test
    @SuppressWarnings("rawtypes")
    void aPromotionGrantsNothingUntilTheSecondFactorIsProven() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        var operator = person(tenantA(), Role.OPERATOR_ADMIN, member);
        KeycloakLogin.Result before = new KeycloakLogin(keycloakUrl()).login(tenantA().realmName(), operator.username(),
                PASSWORD);
        assertThat(((Number) get("/api/v1/me", before.accessToken()).get("memberOperatorId")).longValue()).isEqualTo(member);
        assertThat(error(HttpRequest.GET("/api/v1/members/" + other + "/records-export")
                .bearerAuth(before.accessToken())).code()).as("another member's records, as an operator").isEqualTo(404);

        String path = "/api/v1/users/" + operator.userId();
        String etag = exchange(HttpRequest.GET(path), sec, Map.class).header("ETag");
        HttpResponse<Map> promoted = exchange(HttpRequest.PATCH(path, Map.of("role", "secretariat-staff"))
                .header("If-Match", etag), sec, Map.class);
        assertThat(promoted.code()).isEqualTo(200);

        for (String call : List.of("/api/v1/me", "/api/v1/members/" + other + "/records-export", "/api/v1/members")) {
            assertThat(error(HttpRequest.GET(call).bearerAuth(before.accessToken())).code())
                    .as("the token minted before the promotion: %s", call).isEqualTo(401);
        }
        assertThat(KeycloakLogin.refresh(keycloakUrl(), tenantA().realmName(), "ceptoar-web", before.refreshToken())
                .statusCode()).as("refresh after the sessions ended").isEqualTo(400);
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(tenantA().realmName(),
                operator.username(), PASSWORD)).isInstanceOf(KeycloakLogin.SecondFactorDemandedException.class);

        // A token's issue time has whole seconds, so ending the sessions refuses tokens up to the next whole second
        // (one issued earlier in that second could predate the promotion): sign in again after it.
        Thread.sleep(1_100);
        String after = new KeycloakLogin(keycloakUrl()).login(tenantA().realmName(), operator.username(), PASSWORD)
                .accessToken();
        Map me = get("/api/v1/me", after);
        assertThat(((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("secretariat-staff");
        assertThat(exchange(HttpRequest.GET("/api/v1/members/" + other + "/records-export"), after, Map.class).code())
                .as("with the second factor proven, the new role applies").isEqualTo(200);
    }
}
