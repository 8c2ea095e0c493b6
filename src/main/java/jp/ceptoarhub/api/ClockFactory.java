package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one application clock (product decisions §5): application logic reads the injected {@link Clock}, never
 * {@code Instant.now()}, so that tests can move it. It ticks in whole milliseconds, the precision of the
 * {@code TIMESTAMP(3)} columns, so that a time the API returns after a write is the time stored. Times are stored in
 * UTC and shown in Japan time ({@link #JST}).
 */
@Factory
public class ClockFactory {
    /** Japan Standard Time: the zone of every calendar date a user sees or enters (no daylight saving). */
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Today's date in Japan by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(JST));
    }
}
