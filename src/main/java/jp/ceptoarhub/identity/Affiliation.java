package jp.ceptoarhub.identity;

import jp.ceptoarhub.api.Labelled;

/**
 * Who a person is inside their organisation, as TLP 2.0 distinguishes them (情報共有の手引書 2.3(2), L36358–36393 of
 * the handbook's extraction): TLP:AMBER+STRICT is read by the organisation's own staff (その組織の職員) only, TLP:AMBER also
 * by consultants, contractors working inside the organisation and contractors developing or operating a member's
 * systems <em>who have signed a non-disclosure agreement</em>; a contractor without one reads GREEN and CLEAR only.
 * Set by the secretariat (national users: the platform administrator); the NDA date goes with CONTRACTOR_NDA.
 */
public enum Affiliation implements Labelled {
    STAFF("職員", "Staff"),
    CONTRACTOR_NDA("コンサルタント・業務受託者（秘密保持契約締結）", "Consultant or contractor under NDA"),
    CONTRACTOR("コンサルタント・業務受託者（秘密保持契約なし）", "Consultant or contractor without NDA");

    private final String labelJa;
    private final String labelEn;

    Affiliation(String labelJa, String labelEn) {
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
