package jp.ceptoarhub.identity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether Keycloak answers, probed every {@code ceptoar.keycloak.probe-interval} (the national realm's discovery
 * document, 5 s timeout), exported as the gauge {@code ceptoar.keycloak.up} (1/0) and shown in the platform health
 * view. Deliberately not a health indicator: Micronaut counts every indicator that is not a liveness one into
 * readiness, and with signing keys cached a replica serves every request without Keycloak, so a Keycloak outage must
 * not take every replica out of its Service; only sign-ins, invitations and tenant creation wait for it.
 */
@Singleton
public class KeycloakStatus {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KeycloakSettings settings;
    private final NationalSettings national;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile State state;

    KeycloakStatus(KeycloakSettings settings, NationalSettings national, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.national = national;
        this.clock = clock;
        this.state = new State(false, null, null, null, "not probed yet");
        Gauge.builder("ceptoar.keycloak.up", this, s -> s.state.up() ? 1 : 0)
                .description("1 if Keycloak answered the last probe, 0 otherwise").register(meters);
    }

    /** What the last probe found. */
    public State state() {
        return state;
    }

    @Scheduled(fixedDelay = "${ceptoar.keycloak.probe-interval:15s}", initialDelay = "1s")
    public State probe() {
        Instant at = clock.instant();
        String url = settings.internalUrl() + "/realms/" + national.realm() + "/.well-known/openid-configuration";
        String error;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            error = response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName();
        }
        State previous = state;
        boolean up = error == null;
        Instant since = previous.up() == up && previous.since() != null ? previous.since() : at;
        state = new State(up, at, since, up ? at : previous.lastUp(), error);
        return state;
    }

    /**
     * @param since  when it last changed between up and down
     * @param lastUp when a probe last succeeded
     */
    @Serdeable
    public record State(boolean up, @Nullable Instant checkedAt, @Nullable Instant since, @Nullable Instant lastUp,
                        @Nullable String error) {
    }
}
