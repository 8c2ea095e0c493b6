package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;

/** A person of a member operator's crisis contact list. Functions and channels are JSON text (see V5). */
@MappedEntity("contact")
record Contact(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        String nameJa,
        String nameKana,
        @Nullable String nameEn,
        String orgRole,
        @Nullable String department,
        String functionsJson,
        String channelsJson,
        String availability,
        @Nullable String availabilityHours,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) implements MemberRecord {

    static Contact created(long tenantId, long memberId, ContactData d, Instant now) {
        return new Contact(null, tenantId, memberId, d.nameJa(), d.nameKana(), d.nameEn(), d.role(), d.department(),
                d.functionsJson(), d.channelsJson(), d.availability(), d.availabilityHours(), d.notes(), now, now,
                null, null);
    }

    Contact with(ContactData d, Instant now) {
        return new Contact(id, tenantId, memberOperatorId, d.nameJa(), d.nameKana(), d.nameEn(), d.role(),
                d.department(), d.functionsJson(), d.channelsJson(), d.availability(), d.availabilityHours(),
                d.notes(), createdAt, now, null, version);
    }

    Contact delete(Instant now) {
        return new Contact(id, tenantId, memberOperatorId, nameJa, nameKana, nameEn, orgRole, department,
                functionsJson, channelsJson, availability, availabilityHours, notes, createdAt, now, now, version);
    }

    ContactData data() {
        return new ContactData(nameJa, nameKana, nameEn, orgRole, department, functionsJson, channelsJson,
                availability, availabilityHours, notes);
    }
}
