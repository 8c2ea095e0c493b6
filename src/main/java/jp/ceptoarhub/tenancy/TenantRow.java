package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.caller.TenantKind;

import java.time.Instant;

/**
 * The {@code tenant} row. Only tenancy reads and writes it; everything else sees the {@link Tenant} value it maps to.
 */
@MappedEntity("tenant")
record TenantRow(
        @Id @GeneratedValue @Nullable Long id,
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
        @Version @Nullable Long version) {

    TenantRow withStatus(TenantStatus newStatus, Instant now) {
        return new TenantRow(id, code, kind, nameJa, nameEn, ceptoarCode, realmName, issuer, newStatus, staleAfterDays,
                createdAt, now, version);
    }

    Tenant toTenant() {
        return new Tenant(id, code, kind, nameJa, nameEn, ceptoarCode, realmName, issuer, status, staleAfterDays,
                createdAt, updatedAt, version);
    }
}
