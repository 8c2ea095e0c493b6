package jp.ceptoarhub.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Headers every API response carries: {@code Vary: Accept-Language} (labels follow the caller's language, so
 * caches must not mix them) and, on 401, the RFC 6750 {@code WWW-Authenticate: Bearer} challenge (RFC 9470's
 * {@code insufficient_user_authentication} when the token lacks a second factor the caller's role needs).
 */
@ServerFilter("/api/**")
class ApiResponseHeaders implements Ordered {
    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (response.code() == 401 && !response.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            boolean tokenSent = request.getHeaders().getAuthorization().isPresent();
            response.header(HttpHeaders.WWW_AUTHENTICATE, BearerRefusal.of(request).map(BearerRefusal::challenge)
                    .orElse(tokenSent
                            ? "Bearer realm=\"ceptoar-hub\", error=\"invalid_token\""
                            : "Bearer realm=\"ceptoar-hub\""));
        }
    }

    @Override
    public int getOrder() {
        // Outside the security filter, so that its 401 responses pass through here too.
        return ServerFilterPhase.SECURITY.before();
    }
}
