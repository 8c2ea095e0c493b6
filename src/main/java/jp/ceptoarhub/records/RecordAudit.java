package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.caller.CurrentUser;

/**
 * The tenant's audit trail as the record lifecycle writes to it: one entry per change, inside the writing
 * transaction (implemented over the audit feature by the members feature, the lowest rung that sees both).
 */
public interface RecordAudit {
    void record(CurrentUser user, String action, String entityType, @Nullable Object entityId,
                @Nullable String details);
}
