package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.identity.Invitation;

import java.time.Instant;

@Serdeable
public record TenantView(long id, String code, String kind, String name, String nameJa, String nameEn,
                         @Nullable String ceptoarCode, String realm, String issuer, String status,
                         int staleAfterDays, Instant createdAt, Instant updatedAt, long version,
                         @Nullable Invitation firstAdmin) {

    static TenantView of(Tenant t, Labels lang, @Nullable Invitation firstAdmin) {
        return new TenantView(t.id(), t.code(), t.kind().name(), lang.pick(t.nameJa(), t.nameEn()), t.nameJa(),
                t.nameEn(), t.ceptoarCode(), t.realmName(), t.issuer(), t.status().name(), t.staleAfterDays(),
                t.createdAt(), t.updatedAt(), t.version() == null ? 0 : t.version(), firstAdmin);
    }

    public String etag() {
        return jp.ceptoarhub.api.ETags.of("tenant", id, version);
    }
}
