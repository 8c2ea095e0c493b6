package jp.ceptoarhub.caller;

/** A CEPTOAR tenant, or the single national tenant (NISC analysts, the NISC system client, platform admins). */
public enum TenantKind {
    CEPTOAR, NATIONAL
}
