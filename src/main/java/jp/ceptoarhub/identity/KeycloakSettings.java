package jp.ceptoarhub.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How the service reaches Keycloak. {@code baseUrl} is the address the service itself calls (admin API, JWKS);
 * {@code publicUrl} is the address browsers and phones use, and so the one that appears in token issuers. They
 * differ in Kubernetes (cluster-internal service vs. public ingress).
 */
@ConfigurationProperties("ceptoar.keycloak")
public record KeycloakSettings(
        String baseUrl,
        @Nullable String publicUrl,
        @Bindable(defaultValue = "master") String adminRealm,
        @Bindable(defaultValue = "admin-cli") String adminClientId,
        @Nullable String adminClientSecret,
        @Nullable String adminUsername,
        @Nullable String adminPassword,
        @Nullable List<String> clientRedirectUris,
        @Bindable(defaultValue = "30s") Duration jwksMinRefreshInterval) {

    public String effectivePublicUrl() {
        String url = publicUrl == null || publicUrl.isBlank() ? baseUrl : publicUrl;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String internalUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String issuerOf(String realm) {
        return effectivePublicUrl() + "/realms/" + realm;
    }

    public String jwksUrlOf(String realm) {
        return internalUrl() + "/realms/" + realm + "/protocol/openid-connect/certs";
    }

    public List<String> redirectUris() {
        return clientRedirectUris == null ? List.of() : clientRedirectUris;
    }
}
