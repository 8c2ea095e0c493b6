package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.Map;

/**
 * Cloud services in the shared record lifecycle: the {@code cloud_service} table (V10). Input and data are JSON
 * values keyed by {@link CloudFields} name ({@link CloudRules}), so the history snapshot is the data itself.
 */
@Singleton
class CloudDescriptor implements RecordDescriptor<CloudService, Map<String, JsonNode>, Map<String, JsonNode>> {
    private final CloudServiceRepository services;
    private final CloudRules rules;

    CloudDescriptor(CloudServiceRepository services, CloudRules rules) {
        this.services = services;
        this.rules = rules;
    }

    @Override
    public RecordType type() {
        return RecordType.CLOUD_SERVICES;
    }

    @Override
    public String entityType() {
        return "cloud-service";
    }

    @Override
    public String noun() {
        return "Cloud service";
    }

    @Override
    public RecordStore<CloudService> store() {
        return services;
    }

    @Override
    public Map<String, JsonNode> valid(Scope scope, Map<String, JsonNode> input,
                                       @Nullable Map<String, JsonNode> current) {
        return rules.valid(current == null ? input : CloudRules.over(input, current));
    }

    @Override
    public Map<String, JsonNode> data(CloudService s) {
        return s.data();
    }

    @Override
    public Map<String, JsonNode> fields(Map<String, JsonNode> data) {
        return data;
    }

    @Override
    public CloudService insert(long tenantId, long memberId, Map<String, JsonNode> data, Instant now) {
        return services.insert(tenantId, memberId, data, now);
    }

    @Override
    public CloudService update(CloudService current, Map<String, JsonNode> data, Instant now) {
        return services.update(current, data, now);
    }

    @Override
    public CloudService tombstone(CloudService current, Instant now) {
        return services.tombstone(current, now);
    }

    @Override
    public String describe(CloudService s) {
        return "memberId=" + s.memberOperatorId() + " provider=" + s.providerName() + " service=" + s.serviceName();
    }
}
