package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;

/**
 * Audits what a platform admin (a national user) does to a CEPTOAR tenant in two chains: the tenant's own, where its
 * secretariat reads it, and the actor's (national) one, where platform admins read every platform action in
 * {@code GET /api/v1/audit-log}. A change a tenant's own users make is audited once, in the tenant's chain. Must run
 * inside the transaction of the change.
 */
@Singleton
class PlatformAudit {
    private final AuditService audit;

    PlatformAudit(AuditService audit) {
        this.audit = audit;
    }

    void record(Actor actor, long tenantId, String action, String entityType, @Nullable Object entityId,
                @Nullable String details) {
        audit.record(tenantId, actor, action, entityType, entityId, details);
        if (actor.tenantId() != tenantId && actor.subject() != null) {
            audit.record(actor.tenantId(), actor, action, entityType, entityId,
                    "tenantId=" + tenantId + (details == null ? "" : " " + details));
        }
    }
}
