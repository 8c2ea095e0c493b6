package jp.ceptoarhub.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import jp.ceptoarhub.tenancy.Tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The service's own record of who is who: the only source of application roles and organisation membership. */
@Singleton
public class UserDirectory {
    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    Optional<Authentication> authenticate(Tenant tenant, String subject, JWTClaimsSet claims) {
        if (subject == null) {
            return Optional.empty();
        }
        Optional<AppUser> user = users.findByTenantIdAndSubject(tenant.id(), subject).filter(AppUser::active);
        user.ifPresent(u -> {
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            users.touchLastSeen(u.id(), now, now.minus(Duration.ofMinutes(5)));
        });
        return user.map(u -> RealmTokenValidator.authentication(tenant, u));
    }

    public Optional<AppUser> find(long tenantId, long userId) {
        return users.findByTenantIdAndId(tenantId, userId);
    }

    public Optional<AppUser> findBySubject(long tenantId, String subject) {
        return users.findByTenantIdAndSubject(tenantId, subject);
    }

    public boolean usernameTaken(long tenantId, String username) {
        return users.existsByTenantIdAndUsername(tenantId, username);
    }

    public List<AppUser> usersOf(long tenantId) {
        return users.findByTenantIdOrderByIdAsc(tenantId);
    }

    public AppUser register(long tenantId, String subject, String username, String email, String displayName,
                            Role role, Long memberOperatorId) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return users.save(new AppUser(null, tenantId, subject, username, email, displayName, role.code(),
                memberOperatorId, AppUser.ACTIVE, null, now, now, null));
    }

    // --- Member administration (issue 3): paging, status, role and removal of a tenant's users. ---

    /** One keyset page of the tenant's users, optionally of one member operator only. */
    public List<AppUser> page(long tenantId, @io.micronaut.core.annotation.Nullable Long memberOperatorId, long afterId,
                              int limit) {
        var pageable = io.micronaut.data.model.Pageable.from(0, limit);
        return memberOperatorId == null
                ? users.findByTenantIdAndIdGreaterThanOrderByIdAsc(tenantId, afterId, pageable)
                : users.findByTenantIdAndMemberOperatorIdAndIdGreaterThanOrderByIdAsc(tenantId, memberOperatorId,
                afterId, pageable);
    }

    /** Sets ACTIVE or DISABLED; a disabled user's tokens are refused from the next request on. */
    public AppUser setStatus(AppUser user, String status) {
        if (!AppUser.ACTIVE.equals(status) && !AppUser.DISABLED.equals(status)) {
            throw new IllegalArgumentException(status);
        }
        return users.update(new AppUser(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), user.role(), user.memberOperatorId(), status, user.lastSeenAt(), user.createdAt(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), user.version()));
    }

    public AppUser changeRole(AppUser user, Role role, @io.micronaut.core.annotation.Nullable Long memberOperatorId) {
        return users.update(new AppUser(user.id(), user.tenantId(), user.subject(), user.username(), user.email(),
                user.displayName(), role.code(), memberOperatorId, user.status(), user.lastSeenAt(), user.createdAt(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), user.version()));
    }

    public void remove(AppUser user) {
        users.delete(user);
    }
}
