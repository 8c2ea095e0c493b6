package jp.ceptoarhub.alerts;

import jp.ceptoarhub.api.Labelled;

/**
 * 重要度 of the provision form (『「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の手引書』 (NISC)
 * 表４, extraction L36808–36822; {@code importance_level} of V2).
 * The codes are those of the reference data.
 */
enum Importance implements Labelled {
    WARNING("警報", "Warning"),
    ADVISORY("注意喚起", "Advisory"),
    INFORMATION("参考情報", "Reference information");

    private final String labelJa;
    private final String labelEn;

    Importance(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    @Override
    public String labelJa() {
        return labelJa;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
