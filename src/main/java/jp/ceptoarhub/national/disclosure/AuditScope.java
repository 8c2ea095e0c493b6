package jp.ceptoarhub.national.disclosure;

/**
 * Whom the LP attack impersonates. A release for NISC is published only under {@link #ALL_PROFILES}; {@link
 * #NISC_ONLY} exists to measure what the other profiles cost.
 */
public enum AuditScope {
    /** NISC (knows every published number and the public membership). */
    NISC_ONLY,
    /** NISC, every CEPTOAR's secretariat (its own members' answers) and every unit (its own answers). */
    ALL_PROFILES
}
