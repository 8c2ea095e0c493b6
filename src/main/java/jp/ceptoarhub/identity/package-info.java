/**
 * Who a person is and how they prove it: Keycloak (realms from {@link jp.ceptoarhub.identity.RealmTemplate}, users
 * with required actions, invitations, signing keys in {@link jp.ceptoarhub.identity.JwksCache}, its availability in
 * {@link jp.ceptoarhub.identity.KeycloakStatus}) and the service's own directory of people
 * ({@link jp.ceptoarhub.identity.UserDirectory}: tenant + subject → role and organisation).
 * <p>
 * The subtle invariant: Keycloak keeps credentials, second factors and sessions, the service keeps roles. The two
 * meet in the realm role {@code second-factor-required}, which this package keeps in step with the person's role,
 * and in the sign-in flow of {@link jp.ceptoarhub.identity.SecondFactorRealm} that asks the holders of that role for
 * their authenticator and marks such sign-ins with {@code acr} 2 — which the token check demands, so a realm changed
 * by hand fails closed rather than letting a secretariat or national person in on a password.
 */
package jp.ceptoarhub.identity;
