package jp.ceptoarhub.members;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for the contacts feature (not built yet) to show that the dashboard picks up RecordFreshness beans. */
@Singleton
@Requires(property = "members.test.fake-contacts-freshness", value = "true")
class FakeContactsFreshness implements RecordFreshness {
    static final Map<Long, Map<Long, Observation>> BY_TENANT = new ConcurrentHashMap<>();

    @Override
    public String recordType() {
        return RecordType.CONTACTS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        return BY_TENANT.getOrDefault(tenantId, Map.of());
    }
}
