package jp.ceptoarhub.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.Application;
import jp.ceptoarhub.testing.KeycloakLogin;

import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command 1 of the README ({@code ./mvnw -Pdemo}): starts MariaDB and Keycloak from Maven Central, the service on
 * one port, loads demo data, prints where to log in. Ctrl-C stops everything it started.
 */
public final class DemoLauncher {
    private DemoLauncher() {
    }

    public static void main(String[] args) {
        Stoppable started = new Stoppable();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "demo-stop"));
        try {
            run(started);
        } catch (Throwable e) {
            // Whatever step failed, nothing it started may stay behind: the hook stops what was started, and the
            // launcher exits non-zero instead of waiting without a banner.
            System.err.println("CEPTOAR Hub demo did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Stoppable started) throws Exception {
        Instant begun = Instant.now();
        int port = Integer.parseInt(System.getProperty("demo.port", "8080"));
        int keycloakPort = Integer.parseInt(System.getProperty("demo.keycloak.port", "8180"));
        System.out.println("CEPTOAR Hub demo: starting MariaDB and Keycloak (the first start unpacks Keycloak; allow a minute)...");
        DevStack stack = started.stack = DevStack.start(keycloakPort);
        Map<String, Object> properties = new HashMap<>(stack.serviceProperties());
        properties.put("micronaut.server.port", port);
        properties.put("ceptoar.keycloak.client-redirect-uris", "http://127.0.0.1:" + port + "/*,http://localhost:" + port + "/*,jp.ceptoarhub.app:/oauth2redirect");
        // A plain application context (not Micronaut.run), so that this launcher owns the only shutdown hook and
        // stops the service before the database and Keycloak it uses.
        ApplicationContext context = started.context = ApplicationContext.builder(Application.class)
                .properties(properties)
                .environments("dev")
                .start();
        EmbeddedServer server = started.server = context.getBean(EmbeddedServer.class).start();
        DemoData data = context.getBean(DemoData.class);
        DemoData.Summary demo = data.load();
        // Secretariat and national people need a second factor before anything they sign in to counts, as in
        // production: the launcher enrols an authenticator of its own to seed their alerts, then removes it, so
        // each person sets up their own authenticator app at their first sign-in.
        data.requireSecondFactors();
        seedRecords(server, stack, demo);
        List<String> alerts = demo.newMembers().isEmpty() ? List.of() : seedAlerts(server, stack);
        data.resetLauncherAuthenticators();
        print(server, stack, demo, alerts, Duration.between(begun, Instant.now()));
        Thread.currentThread().join();
    }

    /** What the launcher has started so far, stopped in reverse order on Ctrl-C or a failed start. */
    private static final class Stoppable {
        volatile DevStack stack;
        volatile ApplicationContext context;
        volatile EmbeddedServer server;

        void stop() {
            if (stack == null) {
                return;
            }
            System.out.println("Stopping CEPTOAR Hub, Keycloak and MariaDB...");
            try {
                if (server != null) {
                    server.stop();
                }
                if (context != null) {
                    context.close();
                }
            } finally {
                stack.close();
            }
        }
    }

    /** Each new demo member's readiness records, written through the API by its operator admin. */
    private static void seedRecords(EmbeddedServer server, DevStack stack, DemoData.Summary demo) throws Exception {
        SampleRecords samples = new SampleRecords(HttpClient.newHttpClient(),
                "http://127.0.0.1:" + server.getPort());
        for (DemoData.DemoMember m : demo.newMembers()) {
            String token = new KeycloakLogin(stack.keycloakUrl(), "http://127.0.0.1:" + server.getPort() + "/")
                    .login(m.realm(), m.operatorAdmin(), DemoData.PASSWORD).accessToken();
            int n = samples.seed(m.memberId(), m.sectorCode(), token);
            System.out.printf("Demo records: %d for member %d (%s)%n", n, m.memberId(), m.realm());
        }
    }

    /**
     * NISC's provision to the electricity sector, passed on by 電力CEPTOAR's secretariat to its members, read by two
     * members and by 経済産業省 (a reader, not an addressee that acknowledges) and acknowledged by one member; and
     * 電力CEPTOAR's own CLEAR alert, on its public feed.
     */
    private static List<String> seedAlerts(EmbeddedServer server, DevStack stack) throws Exception {
        String api = "http://127.0.0.1:" + server.getPort();
        SampleAlerts samples = new SampleAlerts(HttpClient.newHttpClient(), api);
        KeycloakLogin keycloak = new KeycloakLogin(stack.keycloakUrl(), api + "/");
        String nisc = keycloak.login("national", "demo-nisc-analyst", DemoData.PASSWORD).accessToken();
        String meti = keycloak.login("national", "demo-meti-officer", DemoData.PASSWORD).accessToken();
        String secretariat = keycloak.login("ceptoar-denryoku", "denryoku-secretariat-admin", DemoData.PASSWORD).accessToken();
        String[] staff = new String[3];
        for (int i = 0; i < staff.length; i++) {
            staff[i] = keycloak.login("ceptoar-denryoku", "denryoku-operator-staff" + (i == 0 ? "" : "-" + (i + 1)),
                    DemoData.PASSWORD).accessToken();
        }
        SampleAlerts.Sent provision = samples.send(nisc, SampleAlerts.body(0, "AMBER",
                "[{\"kind\":\"SECTOR\",\"sectorCode\":\"ELECTRICITY\"}]", null));
        samples.passOn(secretariat, provision.id(), "[{\"kind\":\"MEMBERS\"}]");
        samples.open(staff[0], provision.id());
        samples.acknowledge(staff[0], provision.id());
        samples.open(staff[1], provision.id());
        samples.open(meti, provision.id());
        SampleAlerts.Sent own = samples.send(secretariat, SampleAlerts.body(1, "CLEAR", "[{\"kind\":\"MEMBERS\"}]", null));
        return List.of(
                "NISC provision " + provision.number() + " (TLP:AMBER, 電力分野) passed on by 電力CEPTOAR to its 3 members: "
                        + "read by 2 and by 経済産業省, acknowledged by 1   " + api + "/api/v1/alerts/" + provision.id(),
                "電力CEPTOAR's own alert " + own.number() + " (TLP:CLEAR) on its public feed   " + api
                        + "/api/v1/public/ceptoars/denryoku/alert-feed");
    }

    private static void print(EmbeddedServer server, DevStack stack, DemoData.Summary demo, List<String> alerts,
                              Duration took) {
        String api = "http://127.0.0.1:" + server.getPort();
        StringBuilder sb = new StringBuilder();
        sb.append("\n================ CEPTOAR Hub is running (started in ").append(took.toSeconds()).append(" s) ================\n");
        sb.append("Console        ").append(api).append("/   (sign in with a demo user below; ").append(api)
                .append("/?tenant=<code> goes straight to a tenant's sign-in)\n");
        sb.append("API            ").append(api).append("/api/v1   (health: ").append(api).append("/health, metrics: ").append(api).append("/prometheus)\n");
        sb.append("Keycloak       ").append(stack.keycloakUrl()).append("   (admin console: user admin, password ").append(stack.keycloakAdminPassword()).append(")\n");
        sb.append("Database       ").append(stack.jdbcUrl()).append("\n\n");
        sb.append("Demo users (password for all: ").append(DemoData.PASSWORD).append("). Open the console URL of the user;\n");
        sb.append("secretariat and national users set up an authenticator app (TOTP) at first sign-in, as in production.\n");
        for (DemoData.DemoUser u : demo.users()) {
            sb.append(String.format("  %-22s %-34s %s%n", u.role(), u.username(), api + "/?tenant=" + u.tenantCode()));
        }
        if (!alerts.isEmpty()) {
            sb.append("\nDemo alerts:\n");
            alerts.forEach(a -> sb.append("  ").append(a).append('\n'));
        }
        sb.append("\nMachine client (NISC system, client credentials):\n");
        sb.append("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=nisc-system -d client_secret=")
                .append(DevStack.NISC_SYSTEM_SECRET).append(" ").append(stack.keycloakUrl())
                .append("/realms/national/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        sb.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(api).append("/api/v1/me\n");
        sb.append("\nBrowser and phone clients use Authorization Code + PKCE with client ceptoar-web / ceptoar-mobile.\n");
        sb.append("Press Ctrl-C to stop everything.\n");
        System.out.println(sb);
    }
}
