package jp.ceptoarhub.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.DependencyUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ConcurrentHashMap<String, Entry> byRealm = new ConcurrentHashMap<>();

    private final Clock clock;

    JwksCache(KeycloakSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The realm's signing key with this id, if the realm has one. Throws {@link DependencyUnavailable} only when no
     * keys of the realm are cached yet and Keycloak cannot be reached: with keys cached, an unknown key id is refused
     * (a forgery, or a rotation that the next refresh picks up) rather than failing the request.
     */
    public Optional<JWK> key(String realm, String keyId) {
        Entry entry = byRealm.get(realm);
        if (entry != null) {
            JWK jwk = entry.keys.getKeyByKeyId(keyId);
            if (jwk != null) {
                return Optional.of(jwk);
            }
            if (entry.fetchedAt.plus(settings.jwksMinRefreshInterval()).isAfter(clock.instant())) {
                return Optional.empty();
            }
        }
        entry = refresh(realm);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.keys.getKeyByKeyId(keyId));
    }

    private synchronized Entry refresh(String realm) {
        Entry current = byRealm.get(realm);
        if (current != null && current.fetchedAt.plus(settings.jwksMinRefreshInterval()).isAfter(clock.instant())) {
            return current; // refreshed recently (possibly by another thread while this one waited)
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(settings.jwksUrlOf(realm))).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailable("interrupted while fetching signing keys");
        } catch (IOException e) {
            LOG.warn("JWKS of realm {} could not be fetched: {}", realm, e.toString());
            if (current == null) {
                throw new DependencyUnavailable("Keycloak did not answer for the signing keys of realm " + realm);
            }
            return current;
        }
        if (response.statusCode() != 200) {
            LOG.warn("JWKS of realm {} answered {}", realm, response.statusCode());
            return current;
        }
        try {
            Entry fresh = new Entry(JWKSet.parse(response.body()), clock.instant());
            byRealm.put(realm, fresh);
            return fresh;
        } catch (ParseException e) {
            LOG.warn("JWKS of realm {} is not a key set: {}", realm, e.toString());
            return current;
        }
    }

    /** How many realms' keys are cached (for the platform health view). */
    public int realmsCached() {
        return byRealm.size();
    }

    public void evict(String realm) {
        byRealm.remove(realm);
    }

    private record Entry(JWKSet keys, Instant fetchedAt) {
    }
}
