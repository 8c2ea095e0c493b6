package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * SPI of the freshness dashboard. Each readiness record type registers one bean implementing this interface; the
 * dashboard picks up every bean present, so a record type reports MISSING until its feature lands and real data as
 * soon as it does. Use one of the {@link RecordType} codes for the known types; a bean with another code is shown
 * after them. {@link RecordLifecycle#observe} computes the observations of a type run by the shared lifecycle.
 */
public interface RecordFreshness {
    /** The record type's code, e.g. {@code contacts}; see {@link RecordType}. */
    String recordType();

    /**
     * The state of this record type for the tenant's members, keyed by member operator id. A member absent from the
     * map has no record of this type (MISSING). Must be scoped to the tenant.
     */
    Map<Long, Observation> observe(long tenantId);

    /**
     * @param lastChangedAt   when the member last changed any record of this type
     * @param lastConfirmedAt when the member last re-confirmed the records unchanged ("still correct")
     * @param complete        whether the records hold what the type requires (e.g. a primary and a deputy contact)
     */
    record Observation(@Nullable Instant lastChangedAt, @Nullable Instant lastConfirmedAt, boolean complete) {
        public @Nullable Instant latest() {
            if (lastChangedAt == null) {
                return lastConfirmedAt;
            }
            if (lastConfirmedAt == null) {
                return lastChangedAt;
            }
            return lastChangedAt.isAfter(lastConfirmedAt) ? lastChangedAt : lastConfirmedAt;
        }
    }
}
