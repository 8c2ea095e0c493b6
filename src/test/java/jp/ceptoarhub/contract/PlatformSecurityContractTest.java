package jp.ceptoarhub.contract;

import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's second-factor reset, access-denial trail, platform health view and the second-factor 401, checked
 * against real responses.
 */
class PlatformSecurityContractTest extends ContractTestSupport {
    @Test
    void secondFactorResetAndItsRefusals() {
        TestUser staff = person(tenant(), Role.SECRETARIAT_STAFF);
        token(staff);
        String path = "/api/v1/users/" + staff.userId() + "/second-factor-reset";

        Exchange reset = call("POST", path, tenantAdmin(), null);
        assertValid(reset, 204);
        String operator = token(person(tenant(), Role.OPERATOR_STAFF));
        assertValid(call("POST", path, operator, null), 403);
        assertValid(call("POST", "/api/v1/users/" + Long.MAX_VALUE + "/second-factor-reset", tenantAdmin(), null), 404);
        assertValidResponse(call("POST", path, null, null), 401);
    }

    @Test
    void accessDenialTrailAndPlatformHealth() {
        String operator = token(person(tenant(), Role.OPERATOR_STAFF));
        assertValid(call("GET", "/api/v1/audit-log", operator, null), 403);

        Exchange page = call("GET", "/api/v1/platform/access-denials?limit=2&tenantId=" + tenant().id(), platformAdmin, null);
        assertValid(page, 200);
        assertThat(page.body()).contains("\"route\":\"/api/v1/audit-log\"");
        assertValid(call("GET", "/api/v1/platform/access-denials?since=2026-01-01T00:00:00Z", platformAdmin, null), 200);
        assertValidResponse(call("GET", "/api/v1/platform/access-denials?since=soon", platformAdmin, null), 400);
        assertValid(call("GET", "/api/v1/platform/access-denials", operator, null), 403);

        Exchange health = call("GET", "/api/v1/platform/health", platformAdmin, null);
        assertValid(health, 200);
        assertValid(call("GET", "/api/v1/platform/health", tenantAdmin(), null), 403);
    }
}
