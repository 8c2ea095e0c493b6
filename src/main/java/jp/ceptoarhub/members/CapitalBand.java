package jp.ceptoarhub.members;

import jp.ceptoarhub.api.Labelled;

import java.util.Optional;

/**
 * 資本金 bands exactly as the readiness survey's respondent attribute {@code q.respondent.capital} (安全基準等の浸透状況
 * に関する調査, 基礎情報; FY2023 設問7, FY2024 I.) in reference-data/assessment-catalogue-fy2024.json, whose option list
 * is complete in the source (optionsStatus COMPLETE). Codes are the catalogue's option ids. Local governments always
 * choose {@link #NONE_OF_THESE} (「※地方公共団体の場合は、5：いずれも該当しないを選択」); MemberRules enforces it.
 */
public enum CapitalBand implements Labelled {
    UNDER_50M("under-50m", "5,000万円未満", "Under ¥50 million"),
    FROM_50M_TO_UNDER_100M("50m-to-under-100m", "5,000万円以上1億円未満", "¥50 million to under ¥100 million"),
    FROM_100M_TO_UNDER_300M("100m-to-under-300m", "1億円以上3億円未満", "¥100 million to under ¥300 million"),
    FROM_300M("300m-or-more", "3億円以上", "¥300 million or more"),
    NONE_OF_THESE("none-of-these", "いずれも該当しない", "None of these (local governments always choose this)");

    private final String code;
    private final String labelJa;
    private final String labelEn;

    CapitalBand(String code, String labelJa, String labelEn) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelJa() {
        return labelJa;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    public static Optional<CapitalBand> fromCode(String code) {
        return Labelled.parse(CapitalBand.class, code);
    }
}
