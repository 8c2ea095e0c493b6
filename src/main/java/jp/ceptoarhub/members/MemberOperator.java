package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A member operator (重要インフラ事業者等) of one CEPTOAR tenant. Codes are stored as the API's code strings. */
@MappedEntity("member_operator")
record MemberOperator(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        String nameJa,
        String nameKana,
        @Nullable String nameEn,
        @Nullable String corporateNumber,
        @Nullable String localGovernmentCode,
        String sectorCode,
        @Nullable String subSectorCode,
        @Nullable String employeeBand,
        @Nullable String capitalBand,
        String membershipKind,
        @Nullable String suspendedFromKind,
        @Nullable Instant suspendedAt,
        @Nullable String suspensionReason,
        @Nullable String address,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    MemberSummary summary() {
        return new MemberSummary(id, nameJa, nameKana, nameEn, corporateNumber, localGovernmentCode, sectorCode,
                subSectorCode, employeeBand, capitalBand, membershipKind);
    }

    boolean suspended() {
        return MembershipKind.SUSPENDED.name().equals(membershipKind);
    }

    MemberOperator with(MemberData d, Instant now) {
        return new MemberOperator(id, tenantId, d.nameJa(), d.nameKana(), d.nameEn(), d.corporateNumber(),
                d.localGovernmentCode(), d.sectorCode(), d.subSectorCode(), d.employeeBand(), d.capitalBand(),
                suspended() ? membershipKind : d.membershipKind(), suspendedFromKind, suspendedAt, suspensionReason,
                d.address(), d.notes(), createdAt, now, version);
    }

    MemberOperator suspend(@Nullable String reason, Instant now) {
        return new MemberOperator(id, tenantId, nameJa, nameKana, nameEn, corporateNumber, localGovernmentCode,
                sectorCode, subSectorCode, employeeBand, capitalBand, MembershipKind.SUSPENDED.name(), membershipKind,
                now, reason, address, notes, createdAt, now, version);
    }

    MemberOperator reinstate(Instant now) {
        return new MemberOperator(id, tenantId, nameJa, nameKana, nameEn, corporateNumber, localGovernmentCode,
                sectorCode, subSectorCode, employeeBand, capitalBand,
                suspendedFromKind == null ? MembershipKind.MEMBER.name() : suspendedFromKind, null, null, null,
                address, notes, createdAt, now, version);
    }

    /** The editable fields, as validated data. */
    MemberData data() {
        return new MemberData(nameJa, nameKana, nameEn, corporateNumber, localGovernmentCode, sectorCode,
                subSectorCode, employeeBand, capitalBand, suspended() ? suspendedFromKind : membershipKind, address,
                notes);
    }
}
