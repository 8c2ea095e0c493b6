package jp.ceptoarhub.tenancy;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jp.ceptoarhub.caller.CurrentUser;

import java.util.Map;

/**
 * Counts every 403 answered to a signed-in caller into {@link AccessDenials}, with the problem type as the reason.
 * (401s for a missing second factor are counted by the token check, which knows the caller.)
 */
@ServerFilter("/api/**")
class DeniedRequests implements Ordered {
    private static final String PROBLEM_TYPE_PREFIX = "urn:ceptoar-hub:problem:";

    private final AccessDenials denials;

    DeniedRequests(AccessDenials denials) {
        this.denials = denials;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != 403) {
            return;
        }
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            CurrentUser caller;
            try {
                caller = CurrentUser.from(authentication);
            } catch (AuthorizationException e) {
                return;
            }
            denials.record(caller, request.getMethodName(), request.getPath(), 403, reason(response));
        });
    }

    private static String reason(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof Map<?, ?> problem
                && problem.get("type") instanceof String type && type.startsWith(PROBLEM_TYPE_PREFIX)) {
            return type.substring(PROBLEM_TYPE_PREFIX.length());
        }
        return "forbidden";
    }

    @Override
    public int getOrder() {
        // Outside the security filter, so that its own 403 responses are counted too.
        return ServerFilterPhase.SECURITY.before();
    }
}
