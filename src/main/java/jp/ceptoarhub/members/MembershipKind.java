package jp.ceptoarhub.members;

import jp.ceptoarhub.api.Labelled;

import java.util.Arrays;
import java.util.Optional;

/**
 * Membership kind of an operator in a CEPTOAR. The action plan distinguishes a CEPTOAR's members (構成員) from the
 * recipients outside its membership to which it passes information; the CEPTOAR list published with the action plan
 * (セプター一覧［2024年９月末日現在］) names that column 「構成員以外の情報展開先」, which is the label used here
 * (重要インフラのサイバーセキュリティに係る行動計画, サイバーセキュリティ戦略本部 2022年6月17日決定・2024年3月8日改定;
 * text extraction L965–973, L23385). {@link #SUSPENDED} (停止中) is product-defined: never set directly, it is the
 * result of the suspend action and is undone by reinstate, which restores the kind held before.
 */
public enum MembershipKind implements Labelled {
    MEMBER("構成員", "Member"),
    NON_MEMBER_RECIPIENT("構成員以外の情報展開先", "Non-member recipient"),
    SUSPENDED("停止中", "Suspended");

    private final String labelJa;
    private final String labelEn;

    MembershipKind(String labelJa, String labelEn) {
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

    /** Kinds a client may set on create, update and import. */
    public static Optional<MembershipKind> settable(String code) {
        return Arrays.stream(values()).filter(k -> k != SUSPENDED && k.name().equals(code)).findFirst();
    }
}
