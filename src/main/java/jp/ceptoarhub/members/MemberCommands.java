package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Request bodies. Fields are plain strings so that every bad value (including an unknown code) comes back as a 400
 * problem naming the field, validated by {@link MemberRules} the same way for the API and for bulk import.
 */
public final class MemberCommands {
    private MemberCommands() {
    }

    /** Create (every field) or update (null = unchanged; "" clears an optional field). */
    @Serdeable
    public record MemberInput(
            @Nullable String nameJa,
            @Nullable String nameKana,
            @Nullable String nameEn,
            @Nullable String corporateNumber,
            @Nullable String localGovernmentCode,
            @Nullable String sectorCode,
            @Nullable String subSectorCode,
            @Nullable String employeeBand,
            @Nullable String capitalBand,
            @Nullable String membershipKind,
            @Nullable String address,
            @Nullable String notes) {

        /** This input laid over an existing member's data: null keeps the current value, "" clears it. */
        MemberInput over(MemberData d) {
            return new MemberInput(pick(nameJa, d.nameJa()), pick(nameKana, d.nameKana()), pick(nameEn, d.nameEn()),
                    pick(corporateNumber, d.corporateNumber()), pick(localGovernmentCode, d.localGovernmentCode()),
                    pick(sectorCode, d.sectorCode()), pick(subSectorCode, d.subSectorCode()),
                    pick(employeeBand, d.employeeBand()), pick(capitalBand, d.capitalBand()),
                    pick(membershipKind, d.membershipKind()), pick(address, d.address()), pick(notes, d.notes()));
        }

        private static String pick(@Nullable String given, @Nullable String current) {
            return given == null ? current : given;
        }
    }

    @Serdeable
    public record Suspend(@Nullable String reason) {
    }
}
