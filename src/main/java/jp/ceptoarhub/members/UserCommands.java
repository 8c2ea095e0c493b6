package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Request bodies of /api/v1/users; validated by {@link UserAdminService} so errors name the field. */
public final class UserCommands {
    private UserCommands() {
    }

    @Serdeable
    public record InviteUser(@Nullable String username, @Nullable String email, @Nullable String displayName,
                             @Nullable String role, @Nullable Long memberOperatorId) {
    }

    /** Role change; memberOperatorId is required for operator roles (an operator admin may omit it). */
    @Serdeable
    public record ChangeRole(@Nullable String role, @Nullable Long memberOperatorId) {
    }
}
