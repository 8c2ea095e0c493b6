package jp.ceptoarhub.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record AuditEntry(
        long seq,
        Instant occurredAt,
        @Nullable String actorSubject,
        @Nullable String actorName,
        @Nullable Long actorTenantId,
        String action,
        String entityType,
        @Nullable String entityId,
        @Nullable String details,
        String prevHash,
        String hash) {
}
