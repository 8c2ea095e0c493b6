package jp.ceptoarhub.cloud;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test stand-in for a record type that links to cloud services (critical services will): links only to the service
 * ids a test registers, so it changes nothing for other tests.
 */
@Singleton
class CloudLinkProbe implements RecordLinks.Source {
    static final Map<Long, String> LINKED = new ConcurrentHashMap<>();

    @Override
    public String recordType() {
        return "cloud-link-probe";
    }

    @Override
    public List<String> linksTo(String targetType, long tenantId, long memberId, long targetId) {
        String description = LINKED.get(targetId);
        return RecordType.CLOUD_SERVICES.code().equals(targetType) && description != null ? List.of(description) : List.of();
    }
}
