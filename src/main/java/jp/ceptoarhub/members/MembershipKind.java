package jp.ceptoarhub.members;

import jp.ceptoarhub.api.Labelled;

import java.util.Arrays;
import java.util.Optional;

/**
 * Membership kind of an operator in a CEPTOAR (issue 3; action plan L965–973 distinguishes members from
 * information recipients that are not members). {@link #SUSPENDED} is never set directly: it is the result of the
 * suspend action and is undone by reinstate, which restores the kind held before.
 */
public enum MembershipKind implements Labelled {
    MEMBER("構成員", "Member"),
    NON_MEMBER_RECIPIENT("構成員外の情報提供先", "Non-member recipient"),
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
