package jp.ceptoarhub.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys per realm, fetched from the realm's JWKS endpoint and cached. An unknown key id triggers one refresh
 * (Keycloak key rotation), but at most once per {@code jwksMinRefreshInterval} per realm, so a flood of tokens with
 * made-up key ids cannot turn into a flood of requests to Keycloak.
 */
@Singleton
public class JwksCache {
    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final KeycloakSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentHashMap<String, Entry> byRealm = new ConcurrentHashMap<>();

    JwksCache(KeycloakSettings settings) {
        this.settings = settings;
    }

    public Optional<JWK> key(String realm, String keyId) {
        Entry entry = byRealm.get(realm);
        if (entry != null) {
            JWK jwk = entry.keys.getKeyByKeyId(keyId);
            if (jwk != null) {
                return Optional.of(jwk);
            }
            if (entry.fetchedAt.plus(settings.jwksMinRefreshInterval()).isAfter(Instant.now())) {
                return Optional.empty();
            }
        }
        entry = refresh(realm);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.keys.getKeyByKeyId(keyId));
    }

    private synchronized Entry refresh(String realm) {
        Entry current = byRealm.get(realm);
        if (current != null && current.fetchedAt.plus(settings.jwksMinRefreshInterval()).isAfter(Instant.now())) {
            return current; // refreshed recently (possibly by another thread while this one waited)
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(settings.jwksUrlOf(realm))).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("JWKS of realm {} answered {}", realm, response.statusCode());
                return current;
            }
            Entry fresh = new Entry(JWKSet.parse(response.body()), Instant.now());
            byRealm.put(realm, fresh);
            return fresh;
        } catch (Exception e) {
            LOG.warn("JWKS of realm {} could not be fetched: {}", realm, e.toString());
            return current;
        }
    }

    public void evict(String realm) {
        byRealm.remove(realm);
    }

    private record Entry(JWKSet keys, Instant fetchedAt) {
    }
}
