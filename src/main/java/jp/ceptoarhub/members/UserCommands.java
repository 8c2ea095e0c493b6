package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Request bodies of /api/v1/users; validated by {@link UserAdminService} so errors name the field. */
public final class UserCommands {
    private UserCommands() {
    }

    /** nationalOrganisationCode: the organisation of a national user (NISC desk or a ministry; national tenant only). */
    @Serdeable
    public record InviteUser(@Nullable String username, @Nullable String email, @Nullable String displayName,
                             @Nullable String role, @Nullable Long memberOperatorId,
                             @Nullable String nationalOrganisationCode) {
    }

    /** Role change; memberOperatorId is required for operator roles (an operator admin may omit it). */
    @Serdeable
    public record ChangeRole(@Nullable String role, @Nullable Long memberOperatorId,
                             @Nullable String nationalOrganisationCode) {
    }

    /** Staff or contractor; ndaSignedOn (ISO date) is required for CONTRACTOR_NDA and empty otherwise. */
    @Serdeable
    public record SetAffiliation(@Nullable String affiliation, @Nullable String ndaSignedOn) {
    }
}
