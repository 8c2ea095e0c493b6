package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.Criticality;
import jp.ceptoarhub.services.ServiceCodes.Hosting;
import jp.ceptoarhub.services.ServiceCodes.SystemKind;

import java.time.Instant;
import java.util.List;

/**
 * A business system as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted:
 * true, deletedAt}}. {@code serviceIds} are the member's critical services it supports, {@code supplierIds} the
 * suppliers (record type {@code suppliers}) that support it; both ascending.
 */
@Serdeable
record BusinessSystemView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                          @Nullable String name, @Nullable String kind, @Nullable String kindLabel,
                          @Nullable String description, @Nullable String criticality,
                          @Nullable String criticalityLabel, @Nullable String hosting, @Nullable String hostingLabel,
                          @Nullable List<Long> serviceIds, @Nullable List<Long> supplierIds,
                          @Nullable String ownerName, @Nullable String ownerRole, @Nullable Instant createdAt,
                          @Nullable Instant updatedAt, @Nullable Long version) {

    static BusinessSystemView of(BusinessSystem s, List<Long> serviceIds, List<Long> supplierIds, Labels lang) {
        if (s.deleted()) {
            return new BusinessSystemView(s.id(), true, s.deletedAt(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null);
        }
        return new BusinessSystemView(s.id(), false, null, s.memberOperatorId(), s.name(), s.kind(),
                SystemKind.valueOf(s.kind()).label(lang), s.description(), s.criticality(),
                s.criticality() == null ? null : Criticality.valueOf(s.criticality()).label(lang), s.hosting(),
                s.hosting() == null ? null : Hosting.valueOf(s.hosting()).label(lang), serviceIds, supplierIds,
                s.ownerName(), s.ownerRole(), s.createdAt(), s.updatedAt(), s.versionOrZero());
    }
}
