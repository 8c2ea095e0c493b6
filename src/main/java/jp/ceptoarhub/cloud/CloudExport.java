package jp.ceptoarhub.cloud;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/** The member's live cloud services for the record export, as GET returns them (CloudService views), by id. */
@Singleton
class CloudExport implements RecordExport {
    private final CloudServiceRepository services;

    CloudExport(CloudServiceRepository services) {
        this.services = services;
    }

    @Override
    public RecordType recordType() {
        return RecordType.CLOUD_SERVICES;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        return services.live(tenantId, memberId).stream().map(s -> CloudViews.of(s, lang)).toList();
    }
}
