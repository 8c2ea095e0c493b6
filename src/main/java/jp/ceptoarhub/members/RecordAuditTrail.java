package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordAudit;

/**
 * The record lifecycle's audit entries ({@link RecordAudit}) in the tenant's audit chain. Here because members is
 * the lowest rung that sees both {@code audit} and {@code records}, which sit side by side below it.
 */
@Singleton
class RecordAuditTrail implements RecordAudit {
    private final AuditService audit;

    RecordAuditTrail(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void record(CurrentUser user, String action, String entityType, @Nullable Object entityId,
                       @Nullable String details) {
        audit.record(user, action, entityType, entityId, details);
    }
}
