package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.contacts.ContactCodes.Availability;
import jp.ceptoarhub.contacts.ContactCodes.CallOrder;
import jp.ceptoarhub.contacts.ContactCodes.ChannelType;
import jp.ceptoarhub.contacts.ContactCodes.ContactFunction;
import jp.ceptoarhub.contacts.ContactCodes.OrgRole;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.List;

/**
 * A contact as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted: true,
 * deletedAt}} with every other field absent.
 */
@Serdeable
record ContactView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                   @Nullable String nameJa, @Nullable String nameKana, @Nullable String nameEn,
                   @Nullable String role, @Nullable String roleLabel, @Nullable String department,
                   @Nullable List<FunctionView> functions, @Nullable List<ChannelView> channels,
                   @Nullable String availability, @Nullable String availabilityLabel,
                   @Nullable String availabilityHours, @Nullable String notes, @Nullable Instant createdAt,
                   @Nullable Instant updatedAt, @Nullable Long version) {

    @Serdeable
    record FunctionView(String function, String functionLabel, String order, String orderLabel) {
    }

    @Serdeable
    record ChannelView(String type, String typeLabel, String value, @Nullable String verifiedAt) {
    }

    static ContactView of(Contact c, ContactRules rules, Labels lang) {
        if (c.deleted()) {
            return new ContactView(c.id(), true, c.deletedAt(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }
        List<FunctionView> functions = rules.functions(c.functionsJson()).stream()
                .map(f -> new FunctionView(f.function(), ContactFunction.valueOf(f.function()).label(lang), f.order(),
                        CallOrder.valueOf(f.order()).label(lang))).toList();
        List<ChannelView> channels = rules.channels(c.channelsJson()).stream()
                .map(ch -> new ChannelView(ch.type(), ChannelType.valueOf(ch.type()).label(lang), ch.value(),
                        ch.verifiedAt())).toList();
        return new ContactView(c.id(), false, null, c.memberOperatorId(), c.nameJa(), c.nameKana(), c.nameEn(),
                c.orgRole(), OrgRole.valueOf(c.orgRole()).label(lang), c.department(), functions, channels,
                c.availability(), Availability.valueOf(c.availability()).label(lang), c.availabilityHours(), c.notes(),
                c.createdAt(), c.updatedAt(), c.versionOrZero());
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int contactCount) {
        static Confirmation of(RecordLifecycle.Confirmation c) {
            return new Confirmation(c.memberId(), c.confirmedAt(), c.confirmedBy(), c.count(RecordType.CONTACTS.code()));
        }
    }
}
