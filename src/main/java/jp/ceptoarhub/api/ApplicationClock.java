package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one {@link Clock} application logic reads (decisions §5: "application logic reads one injected Clock; tests
 * move it"). Ordering and delta-sync tokens use the database's own timestamps instead.
 */
@Factory
class ApplicationClock {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
