package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.reference.ReferenceService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation and normalisation of a member's fields, shared by the API and bulk import. Input is NFKC-normalised
 * first (full-width digits and half-width katakana are accepted and stored in canonical form); the katakana reading
 * is then checked to be katakana only.
 */
@Singleton
class MemberRules {
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    static final int NOTES_MAX = 4000;
    static final String LOCAL_GOVERNMENT_SUB_SECTOR = "LOCAL_GOVERNMENT";

    private final ReferenceService reference;
    // Reference data is read-only for the life of the process; cache look-ups so a 10,000-row import is cheap.
    private final Map<String, Boolean> sectors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> subSectors = new ConcurrentHashMap<>();

    MemberRules(ReferenceService reference) {
        this.reference = reference;
    }

    record Result(@Nullable MemberData data, List<FieldError> errors) {
    }

    Result validate(MemberCommands.MemberInput in) {
        List<FieldError> errors = new ArrayList<>();
        String nameJa = text(in.nameJa());
        if (nameJa == null) {
            errors.add(new FieldError("nameJa", "is required"));
        } else if (nameJa.length() > NAME_MAX) {
            errors.add(new FieldError("nameJa", "must be at most " + NAME_MAX + " characters"));
        }
        String nameKana = text(in.nameKana());
        if (nameKana == null) {
            errors.add(new FieldError("nameKana", "is required"));
        } else if (nameKana.length() > NAME_MAX) {
            errors.add(new FieldError("nameKana", "must be at most " + NAME_MAX + " characters"));
        } else if (!katakana(nameKana)) {
            errors.add(new FieldError("nameKana", "must be written in katakana (カタカナ; ー, ・ and spaces allowed)"));
        }
        String nameEn = text(in.nameEn());
        if (nameEn != null && nameEn.length() > NAME_MAX) {
            errors.add(new FieldError("nameEn", "must be at most " + NAME_MAX + " characters"));
        }
        String corporateNumber = digits(in.corporateNumber());
        if (corporateNumber != null && !OrganisationCodes.validCorporateNumber(corporateNumber)) {
            errors.add(new FieldError("corporateNumber",
                    "must be a 13-digit 法人番号 whose first digit is its check digit"));
        }
        String localGovernmentCode = digits(in.localGovernmentCode());
        if (localGovernmentCode != null && !OrganisationCodes.validLocalGovernmentCode(localGovernmentCode)) {
            errors.add(new FieldError("localGovernmentCode",
                    "must be a 6-digit 全国地方公共団体コード whose last digit is its check digit"));
        }
        if (text(in.corporateNumber()) == null && text(in.localGovernmentCode()) == null) {
            errors.add(new FieldError("corporateNumber",
                    "is required (local governments may give localGovernmentCode instead)"));
        }
        String sectorCode = text(in.sectorCode());
        if (sectorCode == null) {
            errors.add(new FieldError("sectorCode", "is required"));
        } else if (!sectors.computeIfAbsent(sectorCode, reference::sectorExists)) {
            errors.add(new FieldError("sectorCode", "is not a sector code (see /api/v1/reference/sectors)"));
            sectorCode = null;
        }
        String subSectorCode = text(in.subSectorCode());
        if (subSectorCode != null && sectorCode != null && !subSectorOf(subSectorCode, sectorCode)) {
            errors.add(new FieldError("subSectorCode", "is not a sub-sector of sector " + sectorCode));
        }
        String employeeBand = text(in.employeeBand());
        if (employeeBand != null && EmployeeBand.fromCode(employeeBand).isEmpty()) {
            errors.add(new FieldError("employeeBand", "must be one of " + codes(EmployeeBand.values())));
        }
        String capitalBand = text(in.capitalBand());
        if (capitalBand != null && CapitalBand.fromCode(capitalBand).isEmpty()) {
            errors.add(new FieldError("capitalBand", "must be one of " + codes(CapitalBand.values())));
        } else if (localGovernment(named(errors, "localGovernmentCode") ? null : localGovernmentCode,
                named(errors, "subSectorCode") ? null : subSectorCode)) {
            // 「※地方公共団体の場合は、5：いずれも該当しないを選択」: a local government has no 資本金
            if (capitalBand == null) {
                capitalBand = CapitalBand.NONE_OF_THESE.code();
            } else if (!CapitalBand.NONE_OF_THESE.code().equals(capitalBand)) {
                errors.add(new FieldError("capitalBand", "must be " + CapitalBand.NONE_OF_THESE.code() + " ("
                        + CapitalBand.NONE_OF_THESE.labelJa() + ") for a local government (it has a "
                        + "localGovernmentCode or the sub-sector LOCAL_GOVERNMENT): the survey tells local "
                        + "governments to choose it; leave it out and it is set"));
            }
        }
        String kind = text(in.membershipKind());
        if (kind == null) {
            kind = MembershipKind.MEMBER.name();
        } else if (MembershipKind.settable(kind).isEmpty()) {
            errors.add(new FieldError("membershipKind", MembershipKind.SUSPENDED.name().equals(kind)
                    ? "cannot be set to SUSPENDED; use the suspend action"
                    : "must be MEMBER or NON_MEMBER_RECIPIENT"));
        }
        String address = text(in.address());
        if (address != null && address.length() > ADDRESS_MAX) {
            errors.add(new FieldError("address", "must be at most " + ADDRESS_MAX + " characters"));
        }
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > NOTES_MAX) {
            errors.add(new FieldError("notes", "must be at most " + NOTES_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new MemberData(nameJa, nameKana, nameEn, corporateNumber, localGovernmentCode, sectorCode,
                subSectorCode, employeeBand, capitalBand, kind, address, notes), List.of());
    }

    /**
     * A 地方公共団体: it has a 全国地方公共団体コード, or it is filed under the sub-sector 地方公共団体. The survey's capital
     * question tells local governments to choose 「いずれも該当しない」 (安全基準等の浸透状況に関する調査, 基礎情報 資本金:
     * 「※地方公共団体の場合は、5：いずれも該当しないを選択」; FY2024 S000 L423, FY2023 S001 L304).
     */
    static boolean localGovernment(@Nullable String localGovernmentCode, @Nullable String subSectorCode) {
        return localGovernmentCode != null || LOCAL_GOVERNMENT_SUB_SECTOR.equals(subSectorCode);
    }

    private static boolean named(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private boolean subSectorOf(String subSectorCode, String sectorCode) {
        return subSectors.computeIfAbsent(subSectorCode + "\u0000" + sectorCode,
                k -> reference.subSectorBelongsTo(subSectorCode, sectorCode));
    }

    /** NFKC, trimmed, and null when blank. */
    static @Nullable String text(@Nullable String s) {
        return JapaneseText.normalize(s);
    }

    /** Like {@link #text} but also drops hyphens and spaces people type inside numbers ("7-0000-1205-0002"). */
    static @Nullable String digits(@Nullable String s) {
        String t = text(s);
        return t == null ? null : t.replaceAll("[\\s\\-‐－]", "");
    }

    static boolean katakana(String s) {
        return JapaneseText.katakana(s);
    }

    private static String codes(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v instanceof EmployeeBand e ? e.code() : ((CapitalBand) v).code());
        }
        return String.join(", ", out);
    }
}
