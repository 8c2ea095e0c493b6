package jp.ceptoarhub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import jp.ceptoarhub.identity.KeycloakSettings;

import java.net.URI;

/**
 * Security headers on every response. The console's Content-Security-Policy allows scripts and styles from this
 * origin only (no inline code, no eval, Trusted Types required for DOM sinks), network calls only to this origin and
 * the Keycloak public URL (token endpoint), and no framing; API responses get a policy that allows nothing at all,
 * since they are never rendered as documents. The page shell is never cached ({@code no-store}): it is the entry
 * to a console showing crisis contacts; the assets are revalidated on every load.
 */
@ServerFilter("/**")
class SecurityHeaders {
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final String consolePolicy;

    SecurityHeaders(KeycloakSettings keycloak) {
        String keycloakOrigin = origin(keycloak.effectivePublicUrl());
        consolePolicy = String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + keycloakOrigin,
                "form-action 'self'",
                "manifest-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'",
                "require-trusted-types-for 'script'",
                "trusted-types 'none'");
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        boolean api = path.startsWith("/api/");
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        headers.set("Content-Security-Policy", api ? API_POLICY : consolePolicy);
        if (secure(request)) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.equals("/") || path.equals("/index.html")) {
            headers.set("Cache-Control", "no-store");
        } else if (path.startsWith("/console/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-cache");
        }
    }

    private static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
