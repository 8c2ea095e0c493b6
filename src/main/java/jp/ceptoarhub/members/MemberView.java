package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;

import java.time.Instant;

/** A member operator as the API shows it. {@code notes} are the secretariat's and shown to secretariat users only. */
@Serdeable
public record MemberView(long id, String nameJa, String nameKana, @Nullable String nameEn,
                         @Nullable String corporateNumber, @Nullable String localGovernmentCode, String sectorCode,
                         @Nullable String subSectorCode, @Nullable String employeeBand, @Nullable String capitalBand,
                         String membershipKind, String membershipKindLabel, @Nullable Instant suspendedAt,
                         @Nullable String suspensionReason, @Nullable String address, @Nullable String notes,
                         Instant createdAt, Instant updatedAt, long version) {

    static MemberView of(MemberOperator m, Labels lang, boolean secretariat) {
        return new MemberView(m.id(), m.nameJa(), m.nameKana(), m.nameEn(), m.corporateNumber(),
                m.localGovernmentCode(), m.sectorCode(), m.subSectorCode(), m.employeeBand(), m.capitalBand(),
                m.membershipKind(), MembershipKind.valueOf(m.membershipKind()).label(lang), m.suspendedAt(),
                secretariat ? m.suspensionReason() : null, m.address(), secretariat ? m.notes() : null,
                m.createdAt(), m.updatedAt(), m.version() == null ? 0 : m.version());
    }

    public String etag() {
        return etag(id, version);
    }

    static String etag(long id, long version) {
        return ETags.of("member", id, version);
    }
}
