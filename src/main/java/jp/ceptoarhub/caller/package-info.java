/**
 * Who is calling: the verified {@link jp.ceptoarhub.caller.CurrentUser} of a request (tenant from the token's
 * issuer, role and organisation from the service's database), its {@link jp.ceptoarhub.caller.Role} and
 * {@link jp.ceptoarhub.caller.TenantKind}, and the {@link jp.ceptoarhub.caller.Actor} that audit entries and record
 * histories store. The bottom rung of the package ladder above {@code api}: it depends on no feature, so every
 * feature may depend on it.
 */
package jp.ceptoarhub.caller;
