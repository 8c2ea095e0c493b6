package jp.ceptoarhub.tenancy;

public enum TenantStatus {
    ACTIVE, SUSPENDED
}
