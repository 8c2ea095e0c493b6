package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.tenancy.TenantKind;

import java.util.Map;

/**
 * The verified caller of a request: tenant from the token's issuer, role and organisation from the database.
 * Controllers take it as a parameter; features scope every query by {@link #tenantId()}.
 */
public record CurrentUser(
        long tenantId,
        String tenantCode,
        TenantKind tenantKind,
        long userId,
        String subject,
        String username,
        Role role,
        @Nullable Long memberOperatorId) {

    static final String TENANT_ID = "tenantId";
    static final String TENANT_CODE = "tenantCode";
    static final String TENANT_KIND = "tenantKind";
    static final String USER_ID = "userId";
    static final String USERNAME = "username";
    static final String MEMBER_OPERATOR_ID = "memberOperatorId";

    public static CurrentUser from(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        if (!(a.get(TENANT_ID) instanceof Number) || authentication.getRoles().isEmpty()) {
            // Only RealmTokenValidator builds authentications; anything else is not a caller of this service.
            throw new io.micronaut.security.authentication.AuthorizationException(null);
        }
        String roleCode = authentication.getRoles().iterator().next();
        return new CurrentUser(
                ((Number) a.get(TENANT_ID)).longValue(),
                (String) a.get(TENANT_CODE),
                TenantKind.valueOf((String) a.get(TENANT_KIND)),
                ((Number) a.get(USER_ID)).longValue(),
                authentication.getName(),
                (String) a.get(USERNAME),
                Role.fromCode(roleCode).orElseThrow(),
                a.get(MEMBER_OPERATOR_ID) == null ? null : ((Number) a.get(MEMBER_OPERATOR_ID)).longValue());
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Throws 403 unless the caller has one of the roles. */
    public CurrentUser require(Role... roles) {
        if (!is(roles)) {
            throw Problems.forbidden("This action needs one of the roles " + java.util.Arrays.stream(roles)
                    .map(Role::code).toList() + "; you are " + role.code());
        }
        return this;
    }

    public boolean secretariat() {
        return role.secretariat();
    }

    public boolean national() {
        return tenantKind == TenantKind.NATIONAL;
    }
}
