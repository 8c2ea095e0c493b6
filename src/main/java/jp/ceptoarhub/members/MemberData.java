package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;

/** The editable fields of a member operator after validation and normalisation (see {@link MemberRules}). */
record MemberData(
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
        @Nullable String address,
        @Nullable String notes) {
}
