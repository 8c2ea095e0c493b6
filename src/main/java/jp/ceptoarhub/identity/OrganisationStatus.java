package jp.ceptoarhub.identity;

/**
 * Whether an operator user's organisation (a member operator) is suspended. Implemented by {@code members}, which
 * owns member operators; {@link UserDirectory#authenticate} refuses the operator users of a suspended organisation
 * until it is reinstated, as a suspended tenant's users are refused.
 */
public interface OrganisationStatus {
    boolean suspended(long tenantId, long memberOperatorId);
}
