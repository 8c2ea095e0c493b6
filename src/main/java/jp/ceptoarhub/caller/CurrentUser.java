package jp.ceptoarhub.caller;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jp.ceptoarhub.api.Problems;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

    private static final String TENANT_ID = "tenantId";
    private static final String TENANT_CODE = "tenantCode";
    private static final String TENANT_KIND = "tenantKind";
    private static final String USER_ID = "userId";
    private static final String USERNAME = "username";
    private static final String MEMBER_OPERATOR_ID = "memberOperatorId";

    public static CurrentUser from(Authentication authentication) {
        Map<String, Object> a = authentication.getAttributes();
        if (!(a.get(TENANT_ID) instanceof Number) || authentication.getRoles().isEmpty()) {
            // Only RealmTokenValidator builds authentications; anything else is not a caller of this service.
            throw new AuthorizationException(null);
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

    /**
     * The authentication the token validator hands to Micronaut Security: the single role as its role, everything
     * else as attributes that {@link #from} reads back.
     */
    public Authentication toAuthentication() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(TENANT_ID, tenantId);
        attributes.put(TENANT_CODE, tenantCode);
        attributes.put(TENANT_KIND, tenantKind.name());
        attributes.put(USER_ID, userId);
        attributes.put(USERNAME, username);
        if (memberOperatorId != null) {
            attributes.put(MEMBER_OPERATOR_ID, memberOperatorId);
        }
        return Authentication.build(subject, List.of(role.code()), attributes);
    }

    /** The audit and history actor for changes this caller makes. */
    public Actor actor() {
        return new Actor(tenantId, subject, username);
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
            throw Problems.forbidden("This action needs one of the roles " + Arrays.stream(roles)
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
