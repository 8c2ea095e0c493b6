package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 5: the operator users of a suspended member are refused, as a suspended tenant's users are, until
 * the member is reinstated; the member's records are kept and the secretariat keeps reading them.
 */
@MicronautTest(transactional = false)
class SuspendedMemberAccessTest extends MembersTestSupport {
    @Test
    @SuppressWarnings("rawtypes")
    void operatorsOfASuspendedMemberAreRefusedUntilItIsReinstated() {
        String admin = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long suspended = createMember(admin);
        long other = createMember(admin);
        String operator = token(person(tenantA(), Role.OPERATOR_ADMIN, suspended));
        String otherOperator = token(person(tenantA(), Role.OPERATOR_ADMIN, other));
        String contacts = "/api/v1/members/" + suspended + "/contacts";
        assertThat(exchange(HttpRequest.GET(contacts), operator, Map.class).code()).isEqualTo(200);

        exchange(HttpRequest.POST("/api/v1/members/" + suspended + "/suspend", Map.of("reason", "会費未納")), admin, Map.class);

        assertThat(error(HttpRequest.GET("/api/v1/me").bearerAuth(operator)).code()).isEqualTo(401);
        assertThat(error(HttpRequest.GET(contacts).bearerAuth(operator)).code()).isEqualTo(401);
        assertThat(exchange(HttpRequest.GET("/api/v1/me"), otherOperator, Map.class).code())
                .as("another member's operators").isEqualTo(200);
        assertThat(exchange(HttpRequest.GET(contacts), admin, Map.class).code()).as("records kept, secretariat reads")
                .isEqualTo(200);
        assertThat(exchange(HttpRequest.GET("/api/v1/members/" + suspended + "/records-export"), admin, Map.class)
                .code()).isEqualTo(200);

        exchange(HttpRequest.POST("/api/v1/members/" + suspended + "/reinstate", Map.of()), admin, Map.class);
        assertThat(exchange(HttpRequest.GET(contacts), operator, Map.class).code()).isEqualTo(200);
    }
}
