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
            Instant now = Instant.now();
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
        Instant now = Instant.now();
        return users.save(new AppUser(null, tenantId, subject, username, email, displayName, role.code(),
                memberOperatorId, AppUser.ACTIVE, null, now, now, null));
    }
}
