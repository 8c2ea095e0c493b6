package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.JwksCache;
import jp.ceptoarhub.identity.KeycloakStatus;

import java.time.Instant;

/**
 * The detailed health view for platform admins: Keycloak as last probed (a Keycloak outage degrades sign-ins and
 * administration, not the API, and is not a readiness failure), when this replica last loaded the tenant directory,
 * and how many realms' signing keys it holds. {@code /health/readiness} (database only) is what probes use.
 */
@Controller("/api/v1/platform/health")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlatformHealthController {
    private final KeycloakStatus keycloak;
    private final TenantDirectory tenants;
    private final JwksCache jwks;

    PlatformHealthController(KeycloakStatus keycloak, TenantDirectory tenants, JwksCache jwks) {
        this.keycloak = keycloak;
        this.tenants = tenants;
        this.jwks = jwks;
    }

    @Get
    PlatformHealth health(CurrentUser user) {
        if (!user.national() || !user.is(Role.PLATFORM_ADMIN)) {
            throw Problems.forbidden("Only platform administrators read the detailed health view");
        }
        KeycloakStatus.State kc = keycloak.state();
        // This request passed the token check, which needs the database: it answers.
        return new PlatformHealth(kc.up() ? "UP" : "DEGRADED", "UP", kc, tenants.loadedAt(), jwks.realmsCached());
    }

    /**
     * @param status "UP", or "DEGRADED" while Keycloak is down (the API still serves tokens already issued)
     */
    @Serdeable
    record PlatformHealth(String status, String database, KeycloakStatus.State keycloak,
                          @Nullable Instant tenantDirectoryLoadedAt, int realmsWithSigningKeys) {
    }
}
