package jp.ceptoarhub.api;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * Why a bearer token that verified was still refused, when the caller can do something about it. The token
 * validator puts it on the request; the 401 then carries the matching RFC 9470 challenge and problem type.
 */
public record BearerRefusal(String error, String description, String problemSlug, String acrValues) {
    private static final String ATTRIBUTE = "ceptoar.bearer-refusal";

    /**
     * The person's role needs a second factor and the token does not prove one (RFC 9470
     * {@code insufficient_user_authentication}): sign in again; Keycloak asks for the authenticator app.
     */
    public static BearerRefusal secondFactorRequired(int acrLevel) {
        return new BearerRefusal("insufficient_user_authentication",
                "This role requires a second factor: sign in again with your authenticator app",
                "second-factor-required", String.valueOf(acrLevel));
    }

    public void mark(HttpRequest<?> request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static Optional<BearerRefusal> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, BearerRefusal.class);
    }

    String challenge() {
        return "Bearer realm=\"ceptoar-hub\", error=\"" + error + "\", error_description=\"" + description
                + "\", acr_values=\"" + acrValues + "\"";
    }
}
