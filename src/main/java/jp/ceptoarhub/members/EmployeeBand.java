package jp.ceptoarhub.members;

import jp.ceptoarhub.api.Labelled;

import java.util.Optional;

/**
 * 従業員数 bands: PRODUCT-DEFINED, every band and its labels. The survey asks the number of employees as a respondent
 * attribute ({@code q.respondent.employee-count}, FY2023 設問6), but its option list is not in the published reports
 * (the catalogue records optionsStatus NOT_IN_SOURCE: the chart was lost in both editions), and no other source the
 * product uses defines employee bands. The thresholds (50 / 100 / 300 / 1,000 / 5,000 people) are the product's
 * choice, made to sit beside the survey's capital bands (¥50m / ¥100m / ¥300m); they claim no statute. Replace or
 * map them when NISC's actual 調査票 bands become available.
 */
public enum EmployeeBand implements Labelled {
    UNDER_50("under-50", "50人未満", "Fewer than 50"),
    FROM_50_TO_UNDER_100("50-to-under-100", "50人以上100人未満", "50 to under 100"),
    FROM_100_TO_UNDER_300("100-to-under-300", "100人以上300人未満", "100 to under 300"),
    FROM_300_TO_UNDER_1000("300-to-under-1000", "300人以上1,000人未満", "300 to under 1,000"),
    FROM_1000_TO_UNDER_5000("1000-to-under-5000", "1,000人以上5,000人未満", "1,000 to under 5,000"),
    FROM_5000("5000-or-more", "5,000人以上", "5,000 or more");

    private final String code;
    private final String labelJa;
    private final String labelEn;

    EmployeeBand(String code, String labelJa, String labelEn) {
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

    public static Optional<EmployeeBand> fromCode(String code) {
        return Labelled.parse(EmployeeBand.class, code);
    }
}
