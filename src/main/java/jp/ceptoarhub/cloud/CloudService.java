package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * A cloud service of a member operator (see V10): the row's identity and bookkeeping, and its editable fields as
 * validated JSON values keyed by {@link CloudFields} name (every field present; empty scalars are JSON null).
 */
record CloudService(long id, long tenantId, long memberOperatorId, Map<String, JsonNode> data, Instant createdAt,
                    Instant updatedAt, @Nullable Instant deletedAt, long version) {

    boolean deleted() {
        return deletedAt != null;
    }

    String providerName() {
        return data.get("providerName").getStringValue();
    }

    String serviceName() {
        return data.get("serviceName").getStringValue();
    }
}
