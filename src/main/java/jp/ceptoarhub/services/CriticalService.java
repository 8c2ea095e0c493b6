package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;

/** A critical service (重要インフラサービス) of a member operator (see V9). */
@MappedEntity("critical_service")
record CriticalService(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        @Nullable String templateId,
        @Nullable String name,
        @Nullable String description,
        @Nullable Integer rtoMinutes,
        @Nullable Integer rpoMinutes,
        @Nullable String ownMaintenanceLevel,
        @Nullable String maintenanceLevelNotes,
        @Nullable String dependencyNotes,
        @Nullable String ownerName,
        @Nullable String ownerRole,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) implements MemberRecord {

    static CriticalService created(long tenantId, long memberId, ServiceData d, Instant now) {
        return new CriticalService(null, tenantId, memberId, d.templateId(), d.name(), d.description(),
                d.rtoMinutes(), d.rpoMinutes(), d.ownMaintenanceLevel(), d.maintenanceLevelNotes(),
                d.dependencyNotes(), d.ownerName(), d.ownerRole(), now, now, null, null);
    }

    CriticalService with(ServiceData d, Instant now) {
        return new CriticalService(id, tenantId, memberOperatorId, d.templateId(), d.name(), d.description(),
                d.rtoMinutes(), d.rpoMinutes(), d.ownMaintenanceLevel(), d.maintenanceLevelNotes(),
                d.dependencyNotes(), d.ownerName(), d.ownerRole(), createdAt, now, null, version);
    }

    CriticalService delete(Instant now) {
        return new CriticalService(id, tenantId, memberOperatorId, templateId, name, description, rtoMinutes,
                rpoMinutes, ownMaintenanceLevel, maintenanceLevelNotes, dependencyNotes, ownerName, ownerRole,
                createdAt, now, now, version);
    }

    ServiceData data() {
        return new ServiceData(templateId, name, description, rtoMinutes, rpoMinutes, ownMaintenanceLevel,
                maintenanceLevelNotes, dependencyNotes, ownerName, ownerRole);
    }
}
