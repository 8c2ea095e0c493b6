package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;

import java.time.Instant;
import java.time.LocalDate;

@Serdeable
public record UserView(long id, String username, @Nullable String email, @Nullable String displayName, String role,
                       String roleLabel, @Nullable Long memberOperatorId, String status, @Nullable Instant lastSeenAt,
                       Instant createdAt, Instant updatedAt, long version, @Nullable String nationalOrganisationCode,
                       String affiliation, String affiliationLabel, @Nullable LocalDate ndaSignedOn) {

    static UserView of(AppUser u, Labels lang, @Nullable String nationalOrganisationCode) {
        return new UserView(u.id(), u.username(), u.email(), u.displayName(), u.role(),
                Role.fromCode(u.role()).map(r -> r.label(lang)).orElse(u.role()), u.memberOperatorId(), u.status(),
                u.lastSeenAt(), u.createdAt(), u.updatedAt(), u.version() == null ? 0 : u.version(),
                nationalOrganisationCode, u.affiliation().code(), u.affiliation().label(lang), u.ndaSignedOn());
    }

    public String etag() {
        return etag(id, version);
    }

    static String etag(long id, long version) {
        return ETags.of("user", id, version);
    }
}
