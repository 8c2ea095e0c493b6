package jp.ceptoarhub.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How the service decides which tokens to trust.
 *
 * @param issuerCacheTtl        how old the in-memory directory of tenant issuers may get before it is reloaded in
 *                              the background (a tenant suspended on another replica is refused within this time;
 *                              on the replica that suspended it, at once)
 * @param unknownIssuerInterval at most one reload per interval is triggered by tokens whose issuer is not in the
 *                              directory (a tenant created on another replica); every other unknown issuer costs
 *                              nothing and is refused
 * @param unknownIssuerWait     how long such a token waits for that reload before it is refused
 * @param clockSkew             tolerance on a token's {@code exp} and {@code nbf}
 * @param dependencyTimeout     how long a request may wait for the database (or Keycloak) while its token is checked
 *                              before it gets 503
 */
@ConfigurationProperties("ceptoar.tenancy")
record TenancySettings(@Bindable(defaultValue = "5s") Duration issuerCacheTtl,
                       @Bindable(defaultValue = "200ms") Duration unknownIssuerInterval,
                       @Bindable(defaultValue = "1s") Duration unknownIssuerWait,
                       @Bindable(defaultValue = "30s") Duration clockSkew,
                       @Bindable(defaultValue = "3s") Duration dependencyTimeout) {
}
