package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;
import java.util.Map;

/**
 * A cloud service of a member operator (see V10): the row's identity and bookkeeping, and its editable fields as
 * validated JSON values keyed by {@link CloudFields} name (every field present; empty scalars are JSON null).
 */
record CloudService(Long id, long tenantId, Long memberOperatorId, Map<String, JsonNode> data, Instant createdAt,
                    Instant updatedAt, @Nullable Instant deletedAt, Long version) implements MemberRecord {

    String providerName() {
        return data.get("providerName").getStringValue();
    }

    String serviceName() {
        return data.get("serviceName").getStringValue();
    }
}
