/**
 * The web console (issue 11): serves the browser console at {@code /} and its assets under {@code /console/}, and
 * sets the security headers every response carries.
 * <p>
 * The console is a client of the public {@code /api/v1} API, the same the phone apps use: it has no endpoint of its
 * own and no server-side session. Its sources are hand-written ES modules under {@code src/main/resources/console}
 * (no Node toolchain in the build); DEVELOPERS.md says how to add a page.
 * <p>
 * Security: a strict Content-Security-Policy (scripts and styles from this origin only, no inline code, no eval,
 * network access only to this origin and the Keycloak public URL, no framing), tokens kept in the page's memory only
 * (a reload signs in again silently through the Keycloak session), and {@code no-store} on the page shell.
 */
package jp.ceptoarhub.web;
