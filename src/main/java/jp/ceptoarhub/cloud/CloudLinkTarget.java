package jp.ceptoarhub.cloud;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;

import java.util.Collection;
import java.util.Set;

/**
 * Cloud services as a link target of other record types (e.g. a critical system names the cloud services it runs
 * on): which ids are live services of the member. A linked service cannot be deleted (409 cloud-service-linked).
 */
@Singleton
class CloudLinkTarget implements RecordLinks.Target {
    private final CloudServiceRepository services;

    CloudLinkTarget(CloudServiceRepository services) {
        this.services = services;
    }

    @Override
    public String recordType() {
        return RecordType.CLOUD_SERVICES.code();
    }

    @Override
    public Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
        return services.liveIds(tenantId, memberId, ids);
    }
}
