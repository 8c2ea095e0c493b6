package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;

/** The {@code app_user} row. Only identity reads and writes it; everything else sees {@link AppUser}. */
@MappedEntity("app_user")
record AppUserRow(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        String subject,
        String username,
        @Nullable String email,
        @Nullable String displayName,
        String role,
        @Nullable Long memberOperatorId,
        String status,
        @Nullable Instant lastSeenAt,
        @Nullable Instant tokensNotBefore,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version,
        @Nullable Long nationalOrganisationId,
        Affiliation affiliation,
        @Nullable LocalDate ndaSignedOn) {

    static AppUserRow of(AppUser u) {
        return new AppUserRow(u.id(), u.tenantId(), u.subject(), u.username(), u.email(), u.displayName(), u.role(),
                u.memberOperatorId(), u.status(), u.lastSeenAt(), u.tokensNotBefore(), u.createdAt(), u.updatedAt(), u.version(),
                u.nationalOrganisationId(), u.affiliation(), u.ndaSignedOn());
    }

    AppUser toAppUser() {
        return new AppUser(id, tenantId, subject, username, email, displayName, role, memberOperatorId, status,
                lastSeenAt, tokensNotBefore, createdAt, updatedAt, version, nationalOrganisationId, affiliation, ndaSignedOn);
    }
}
