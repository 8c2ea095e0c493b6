package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person (or the NISC machine client) known to the service: tenant + Keycloak subject → role and organisation
 * (a member operator in a CEPTOAR, a {@code national_organisation} in the national tenant), and their
 * {@link Affiliation} inside it. {@code tokensNotBefore}: tokens issued before it are refused (set when the person's
 * sessions are ended: a promotion to a role that needs a second factor, a second-factor reset). {@code version} is
 * the row version, for ETags.
 */
public record AppUser(
        Long id,
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
        @Nullable Long version,
        @Nullable Long nationalOrganisationId,
        Affiliation affiliation,
        @Nullable LocalDate ndaSignedOn) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
