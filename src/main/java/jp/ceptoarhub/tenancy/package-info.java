/**
 * Tenants (each CEPTOAR and the national tier, one Keycloak realm each) and which tokens the service trusts.
 * <p>
 * {@link jp.ceptoarhub.tenancy.RealmTokenValidator} takes the tenant from the token's verified issuer and nothing
 * else (issuers from the in-memory {@link jp.ceptoarhub.tenancy.TenantDirectory}, which holds registered ones only),
 * the role from the database, and demands a second factor of secretariat and national roles. A dependency that does
 * not answer is a 503, never a 401. Platform admins' oversight lives here too: tenant administration (audited in the
 * tenant's chain and the national one, {@link jp.ceptoarhub.tenancy.PlatformAudit}), second-factor resets, the trail
 * of denied attempts ({@link jp.ceptoarhub.tenancy.AccessDenials}, kept off the audit chains) and the health view;
 * and the start-up upgrade of realms created by earlier versions ({@link jp.ceptoarhub.tenancy.RealmUpgrade}).
 */
package jp.ceptoarhub.tenancy;
