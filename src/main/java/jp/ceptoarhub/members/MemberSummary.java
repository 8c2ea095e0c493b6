package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;

/**
 * A member operator as other features see it: identity, sector and size, never the secretariat's notes. The
 * {@code member_operator} row itself ({@link MemberOperator}) stays inside this package.
 */
public record MemberSummary(
        long id,
        String nameJa,
        String nameKana,
        @Nullable String nameEn,
        @Nullable String corporateNumber,
        @Nullable String localGovernmentCode,
        String sectorCode,
        @Nullable String subSectorCode,
        @Nullable String employeeBand,
        @Nullable String capitalBand,
        String membershipKind) {

    public boolean member() {
        return MembershipKind.MEMBER.name().equals(membershipKind);
    }

    public boolean nonMemberRecipient() {
        return MembershipKind.NON_MEMBER_RECIPIENT.name().equals(membershipKind);
    }

    public boolean suspended() {
        return MembershipKind.SUSPENDED.name().equals(membershipKind);
    }
}
