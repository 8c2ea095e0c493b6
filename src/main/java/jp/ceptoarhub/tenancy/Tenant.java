package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

@MappedEntity("tenant")
public record Tenant(
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

    public boolean active() {
        return status == TenantStatus.ACTIVE;
    }

    public Tenant withStatus(TenantStatus newStatus, Instant now) {
        return new Tenant(id, code, kind, nameJa, nameEn, ceptoarCode, realmName, issuer, newStatus, staleAfterDays,
                createdAt, now, version);
    }
}
