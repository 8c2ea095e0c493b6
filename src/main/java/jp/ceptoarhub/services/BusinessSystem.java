package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;
import java.util.List;

/** A system (IT, control system / OT, IoT) of a member operator (see V9); its links are in separate tables. */
@MappedEntity("business_system")
record BusinessSystem(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        String name,
        String kind,
        @Nullable String description,
        @Nullable String criticality,
        @Nullable String hosting,
        @Nullable String ownerName,
        @Nullable String ownerRole,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) implements MemberRecord {

    static BusinessSystem created(long tenantId, long memberId, SystemData d, Instant now) {
        return new BusinessSystem(null, tenantId, memberId, d.name(), d.kind(), d.description(), d.criticality(),
                d.hosting(), d.ownerName(), d.ownerRole(), now, now, null, null);
    }

    BusinessSystem with(SystemData d, Instant now) {
        return new BusinessSystem(id, tenantId, memberOperatorId, d.name(), d.kind(), d.description(),
                d.criticality(), d.hosting(), d.ownerName(), d.ownerRole(), createdAt, now, null, version);
    }

    BusinessSystem delete(Instant now) {
        return new BusinessSystem(id, tenantId, memberOperatorId, name, kind, description, criticality, hosting,
                ownerName, ownerRole, createdAt, now, now, version);
    }

    SystemData data(List<Long> serviceIds, List<Long> supplierIds) {
        return new SystemData(name, kind, description, criticality, hosting, serviceIds, supplierIds, ownerName,
                ownerRole);
    }
}
