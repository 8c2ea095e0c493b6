package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The service's own record of who is who: the only source of application roles and organisation membership. */
@Singleton
public class UserDirectory {
    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    /**
     * The caller a verified token stands for: the active user with this subject in the token's tenant, with the
     * role and organisation the service's database gives them (never the token's own claims).
     */
    public Optional<CurrentUser> authenticate(long tenantId, String tenantCode, TenantKind tenantKind,
                                              @Nullable String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Optional<AppUserRow> user = users.findByTenantIdAndSubject(tenantId, subject)
                .filter(u -> AppUser.ACTIVE.equals(u.status()));
        user.ifPresent(u -> {
            Instant now = now();
            users.touchLastSeen(u.id(), now, now.minus(Duration.ofMinutes(5)));
        });
        return user.map(u -> new CurrentUser(tenantId, tenantCode, tenantKind, u.id(), u.subject(), u.username(),
                Role.fromCode(u.role()).orElseThrow(), u.memberOperatorId()));
    }

    public Optional<AppUser> find(long tenantId, long userId) {
        return users.findByTenantIdAndId(tenantId, userId).map(AppUserRow::toAppUser);
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
        Instant now = now();
        return users.save(new AppUserRow(null, tenantId, subject, username, email, displayName, role.code(),
                memberOperatorId, AppUser.ACTIVE, null, now, now, null)).toAppUser();
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
                user.displayName(), user.role(), user.memberOperatorId(), status, user.lastSeenAt(), user.createdAt(),
                now(), user.version())).toAppUser();
    }

    public AppUser changeRole(AppUser user, Role role, @Nullable Long memberOperatorId) {
        return users.update(new AppUserRow(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), role.code(), memberOperatorId, user.status(), user.lastSeenAt(), user.createdAt(),
                now(), user.version())).toAppUser();
    }

    public void remove(AppUser user) {
        users.delete(AppUserRow.of(user));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
