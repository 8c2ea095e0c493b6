package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The service's own record of who is who: the only source of application roles and organisation membership. */
@Singleton
public class UserDirectory {
    /** How precisely "last active" is kept: writing it on every request would add a write to every read. */
    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    private final AppUserRepository users;
    private final OrganisationStatus organisations;
    private final Clock clock;

    UserDirectory(AppUserRepository users, OrganisationStatus organisations, Clock clock) {
        this.users = users;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * The caller a verified token stands for: the active user with this subject in the token's tenant, with the
     * role and organisation the service's database gives them (never the token's own claims); none if the user is
     * unknown, disabled, an operator user of a suspended organisation, or the token was issued before the person's
     * sessions were ended ({@link #endSessions}). One query; last-seen is written at most once a minute per user
     * (the row just read says when it was last written).
     */
    public Optional<CurrentUser> authenticate(long tenantId, String tenantCode, TenantKind tenantKind,
                                              @Nullable String subject, @Nullable Instant issuedAt) {
        if (subject == null) {
            return Optional.empty();
        }
        Optional<AppUserRow> user = users.findByTenantIdAndSubject(tenantId, subject)
                .filter(u -> AppUser.ACTIVE.equals(u.status()))
                .filter(u -> u.tokensNotBefore() == null
                        || issuedAt != null && !issuedAt.isBefore(u.tokensNotBefore()))
                .filter(u -> u.memberOperatorId() == null || !organisations.suspended(tenantId, u.memberOperatorId()));
        user.ifPresent(u -> {
            Instant now = now();
            Instant due = now.minus(LAST_SEEN_RESOLUTION);
            if (u.lastSeenAt() == null || u.lastSeenAt().isBefore(due)) {
                users.touchLastSeen(u.id(), now, due);
            }
        });
        return user.map(u -> new CurrentUser(tenantId, tenantCode, tenantKind, u.id(), u.subject(), u.username(),
                Role.fromCode(u.role()).orElseThrow(), u.memberOperatorId()));
    }

    public Optional<AppUser> find(long tenantId, long userId) {
        return users.findByTenantIdAndId(tenantId, userId).map(AppUserRow::toAppUser);
    }

    /**
     * A user of any tenant, by id: for platform administration only (the caller checks that the target is within
     * a platform admin's reach); every other lookup is scoped by the caller's tenant.
     */
    public Optional<AppUser> findAnyTenant(long userId) {
        return users.findById(userId).map(AppUserRow::toAppUser);
    }

    public Optional<AppUser> findBySubject(long tenantId, String subject) {
        return users.findByTenantIdAndSubject(tenantId, subject).map(AppUserRow::toAppUser);
    }

    public boolean usernameTaken(long tenantId, String username) {
        return users.existsByTenantIdAndUsername(tenantId, username);
    }

    public List<AppUser> usersOf(long tenantId) {
        return users.findByTenantIdOrderByIdAsc(tenantId).stream().map(AppUserRow::toAppUser).toList();
    }

    public AppUser register(long tenantId, String subject, String username, @Nullable String email,
                            @Nullable String displayName, Role role, @Nullable Long memberOperatorId) {
        return register(tenantId, subject, username, email, displayName, role, memberOperatorId, null);
    }

    /** As {@link #register}, for a national user of a national organisation (NISC desk or ministry). */
    public AppUser register(long tenantId, String subject, String username, @Nullable String email,
                            @Nullable String displayName, Role role, @Nullable Long memberOperatorId,
                            @Nullable Long nationalOrganisationId) {
        Instant now = now();
        return users.save(new AppUserRow(null, tenantId, subject, username, email, displayName, role.code(),
                memberOperatorId, AppUser.ACTIVE, null, null, now, now, null, nationalOrganisationId, Affiliation.STAFF,
                null)).toAppUser();
    }

    // --- Member administration (issue 3): paging, status, role and removal of a tenant's users. ---

    /** One keyset page of the tenant's users, optionally of one member operator only. */
    public List<AppUser> page(long tenantId, @Nullable Long memberOperatorId, long afterId, int limit) {
        Pageable pageable = Pageable.from(0, limit);
        List<AppUserRow> rows = memberOperatorId == null
                ? users.findByTenantIdAndIdGreaterThanOrderByIdAsc(tenantId, afterId, pageable)
                : users.findByTenantIdAndMemberOperatorIdAndIdGreaterThanOrderByIdAsc(tenantId, memberOperatorId,
                afterId, pageable);
        return rows.stream().map(AppUserRow::toAppUser).toList();
    }

    /** Sets ACTIVE or DISABLED; a disabled user's tokens are refused from the next request on. */
    public AppUser setStatus(AppUser user, String status) {
        if (!AppUser.ACTIVE.equals(status) && !AppUser.DISABLED.equals(status)) {
            throw new IllegalArgumentException(status);
        }
        return users.update(new AppUserRow(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), user.role(), user.memberOperatorId(), status, user.lastSeenAt(), user.tokensNotBefore(),
                user.createdAt(), now(), user.version(), user.nationalOrganisationId(), user.affiliation(),
                user.ndaSignedOn()))
                .toAppUser();
    }

    public AppUser changeRole(AppUser user, Role role, @Nullable Long memberOperatorId) {
        return changeRole(user, role, memberOperatorId, user.nationalOrganisationId());
    }

    /** Role and organisation together: a member operator in a CEPTOAR, a national organisation in the national tenant. */
    public AppUser changeRole(AppUser user, Role role, @Nullable Long memberOperatorId,
                              @Nullable Long nationalOrganisationId) {
        return users.update(new AppUserRow(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), role.code(), memberOperatorId, user.status(), user.lastSeenAt(),
                user.tokensNotBefore(), user.createdAt(), now(), user.version(), nationalOrganisationId, user.affiliation(),
                user.ndaSignedOn())).toAppUser();
    }

    /** Staff or contractor (with the NDA date for CONTRACTOR_NDA): what TLP:AMBER and AMBER+STRICT read by. */
    public AppUser setAffiliation(AppUser user, Affiliation affiliation, @Nullable LocalDate ndaSignedOn) {
        return users.update(new AppUserRow(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), user.role(), user.memberOperatorId(), user.status(), user.lastSeenAt(),
                user.tokensNotBefore(), user.createdAt(), now(), user.version(), user.nationalOrganisationId(), affiliation,
                ndaSignedOn))
                .toAppUser();
    }

    /**
     * Refuses every token the person holds now, from the next request on. Token {@code iat}s are whole seconds, so
     * tokens issued up to the end of the current second are refused too (a new sign-in takes longer than that).
     * Keycloak's sessions are ended separately.
     */
    public void endSessions(AppUser user) {
        users.updateTokensNotBefore(user.id(), clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    public void remove(AppUser user) {
        users.delete(AppUserRow.of(user));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
