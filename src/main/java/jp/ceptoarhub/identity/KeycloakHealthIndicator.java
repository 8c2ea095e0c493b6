package jp.ceptoarhub.identity;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Readiness includes Keycloak: without it no token can be verified against a new key and no user provisioned. */
@Singleton
@Readiness
@Requires(beans = HealthEndpoint.class)
class KeycloakHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final KeycloakSettings settings;
    private final NationalSettings national;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    KeycloakHealthIndicator(KeycloakSettings settings, NationalSettings national) {
        this.settings = settings;
        this.national = national;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String url = settings.internalUrl() + "/realms/" + national.realm() + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            healthStatus = response.statusCode() == 200 ? HealthStatus.UP : HealthStatus.DOWN;
            return Map.of("status", response.statusCode());
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", e.getClass().getSimpleName());
        }
    }

    @Override
    protected String getName() {
        return "keycloak";
    }
}
