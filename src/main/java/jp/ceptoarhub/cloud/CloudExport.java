package jp.ceptoarhub.cloud;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.members.RecordExport;
import jp.ceptoarhub.members.RecordFreshness;

import java.util.List;

/** The member's live cloud services for the record export, as GET returns them (CloudService views), by id. */
@Singleton
class CloudExport implements RecordExport {
    private final CloudServiceRepository services;

    CloudExport(CloudServiceRepository services) {
        this.services = services;
    }

    @Override
    public RecordFreshness.RecordType recordType() {
        return RecordFreshness.RecordType.CLOUD_SERVICES;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        return services.live(tenantId, memberId, false).stream().map(s -> CloudViews.of(s, lang)).toList();
    }
}
