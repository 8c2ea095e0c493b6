package jp.ceptoarhub.identity;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * One admin connection to Keycloak for the service. Production uses a confidential client with a service account
 * in the admin realm (client credentials); development may use the bootstrap admin's username and password.
 */
@Singleton
public class KeycloakAdmin {
    private final KeycloakSettings settings;
    private volatile Keycloak client;

    KeycloakAdmin(KeycloakSettings settings) {
        this.settings = settings;
    }

    public Keycloak client() {
        Keycloak c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                c = client;
            }
        }
        return c;
    }

    private Keycloak build() {
        KeycloakBuilder builder = KeycloakBuilder.builder()
                .serverUrl(settings.internalUrl())
                .realm(settings.adminRealm())
                .clientId(settings.adminClientId());
        if (settings.adminClientSecret() != null && !settings.adminClientSecret().isBlank()) {
            builder.clientSecret(settings.adminClientSecret()).grantType(OAuth2Constants.CLIENT_CREDENTIALS);
        } else {
            builder.username(settings.adminUsername()).password(settings.adminPassword())
                    .grantType(OAuth2Constants.PASSWORD);
        }
        return builder.build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
