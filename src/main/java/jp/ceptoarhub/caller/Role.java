package jp.ceptoarhub.caller;

import jp.ceptoarhub.api.Labelled;

import java.util.Optional;

/**
 * Application roles. They live in the service's database (keyed by tenant and subject), not in Keycloak tokens,
 * so that a role change takes effect on the next request and a forged realm role grants nothing.
 */
public enum Role implements Labelled {
    SECRETARIAT_ADMIN("secretariat-admin", true, false, "事務局管理者", "Secretariat administrator"),
    SECRETARIAT_STAFF("secretariat-staff", true, false, "事務局担当者", "Secretariat staff"),
    OPERATOR_ADMIN("operator-admin", false, false, "事業者管理者", "Operator administrator"),
    OPERATOR_STAFF("operator-staff", false, false, "事業者担当者", "Operator staff"),
    NISC_ANALYST("nisc-analyst", false, true, "NISC分析担当", "NISC analyst"),
    /** A competent ministry's officer (重要インフラ所管省庁), scoped to its ministry and that ministry's sectors. */
    MINISTRY_OFFICER("ministry-officer", false, true, "所管省庁担当者", "Ministry officer"),
    NISC_SYSTEM("nisc-system", false, true, "NISCシステム連携", "NISC system (machine client)"),
    PLATFORM_ADMIN("platform-admin", false, true, "プラットフォーム管理者", "Platform administrator");

    private final String code;
    private final boolean secretariat;
    private final boolean national;
    private final String labelJa;
    private final String labelEn;

    Role(String code, boolean secretariat, boolean national, String labelJa, String labelEn) {
        this.code = code;
        this.secretariat = secretariat;
        this.national = national;
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

    public boolean secretariat() {
        return secretariat;
    }

    public boolean national() {
        return national;
    }

    /** Secretariat and national people must use TOTP (SPEC: tenancy and identity). */
    public boolean requiresTotp() {
        return secretariat || (national && this != NISC_SYSTEM);
    }

    public boolean operator() {
        return this == OPERATOR_ADMIN || this == OPERATOR_STAFF;
    }

    public static Optional<Role> fromCode(String code) {
        return Labelled.parse(Role.class, code);
    }
}
