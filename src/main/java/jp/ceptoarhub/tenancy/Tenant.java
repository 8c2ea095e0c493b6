package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.caller.TenantKind;

import java.time.Instant;

/**
 * A tenant as the rest of the service sees it: a CEPTOAR or the national tier, its Keycloak realm and the token
 * issuer it is known by. {@code version} is the row version, for ETags.
 */
public record Tenant(
        Long id,
        String code,
        TenantKind kind,
        String nameJa,
        String nameEn,
        @Nullable String ceptoarCode,
        String realmName,
        String issuer,
        TenantStatus status,
        int staleAfterDays,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Long version) {

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }
}
