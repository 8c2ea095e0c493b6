package jp.ceptoarhub.caller;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one application {@link Clock} (decisions §5): features inject it instead of calling {@code now()}; tests move it. */
@Factory
public class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
