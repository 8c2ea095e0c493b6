package jp.ceptoarhub.testing;

import jp.ceptoarhub.devstack.DevStack;

import java.util.Map;

/** One MariaDB and one Keycloak for the whole test JVM, started on first use. */
public final class TestStack {
    private static DevStack stack;

    private TestStack() {
    }

    public static synchronized DevStack get() {
        if (stack == null) {
            try {
                stack = DevStack.start();
            } catch (Exception e) {
                throw new IllegalStateException("Could not start MariaDB and Keycloak for the tests", e);
            }
        }
        return stack;
    }

    public static Map<String, Object> properties() {
        Map<String, Object> p = new java.util.HashMap<>(get().serviceProperties());
        p.put("ceptoar.keycloak.jwks-min-refresh-interval", "1s");
        p.put("ceptoar.tenancy.clock-skew", "0s");
        // Creating a realm takes seconds on a busy 2-core machine; the client default of 10 s is too tight.
        p.put("micronaut.http.client.read-timeout", "120s");
        // A random port: a developer's running service (or another test JVM) may hold 8080.
        p.put("micronaut.server.port", "-1");
        // Realms created by this stack are current; RealmUpgradeTest switches the start-up upgrade on for itself.
        p.put("ceptoar.realm-upgrade.enabled", "false");
        return p;
    }
}
