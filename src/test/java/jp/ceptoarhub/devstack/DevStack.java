package jp.ceptoarhub.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MariaDB and Keycloak for the demo command and the integration tests: real servers on loopback, each run in its
 * own directory under target/devstack, stopped when the JVM exits.
 */
public final class DevStack implements AutoCloseable {
    public static final String NISC_SYSTEM_SECRET = "dev-nisc-system-secret-0123456789";

    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedKeycloak keycloak;

    private DevStack(EmbeddedMariaDb mariaDb, EmbeddedKeycloak keycloak) {
        this.mariaDb = mariaDb;
        this.keycloak = keycloak;
    }

    /** For tests: any free ports, stopped by a JVM shutdown hook. */
    public static DevStack start() throws Exception {
        DevStack stack = start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-stop"));
        return stack;
    }

    /** The caller stops the stack (after whatever uses it). */
    public static DevStack start(int preferredKeycloakPort) throws Exception {
        Path runDir = Path.of("target", "devstack", "run-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
                .toAbsolutePath();
        Files.createDirectories(runDir);
        Path zip = Path.of(System.getProperty("keycloak.dist.zip", "target/keycloak-dist/keycloak-dist.zip"));
        String version = System.getProperty("keycloak.version", "26.7.3");
        var kcStart = new java.util.concurrent.CompletableFuture<EmbeddedKeycloak>();
        Thread kcThread = Thread.ofPlatform().name("keycloak-start").start(() -> {
            try {
                kcStart.complete(EmbeddedKeycloak.start(zip, version, runDir.resolve("keycloak"), preferredKeycloakPort));
            } catch (Throwable t) {
                kcStart.completeExceptionally(t);
            }
        });
        EmbeddedMariaDb db;
        try {
            db = EmbeddedMariaDb.start(runDir.resolve("mariadb"));
        } catch (Exception e) {
            kcThread.join();
            kcStart.thenAccept(EmbeddedKeycloak::close);
            throw e;
        }
        EmbeddedKeycloak kc;
        try {
            kc = kcStart.get();
        } catch (Exception e) {
            db.close();
            throw e;
        }
        return new DevStack(db, kc);
    }

    /** Micronaut properties that point the service at this stack. */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources.default.url", mariaDb.jdbcUrl());
        p.put("datasources.default.username", EmbeddedMariaDb.USER);
        p.put("datasources.default.password", EmbeddedMariaDb.PASSWORD);
        p.put("ceptoar.keycloak.base-url", keycloak.url());
        p.put("ceptoar.keycloak.admin-realm", "master");
        p.put("ceptoar.keycloak.admin-client-id", "admin-cli");
        p.put("ceptoar.keycloak.admin-username", EmbeddedKeycloak.ADMIN_USER);
        p.put("ceptoar.keycloak.admin-password", keycloak.adminPassword());
        p.put("ceptoar.bootstrap.nisc-system-secret", NISC_SYSTEM_SECRET);
        return p;
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    public String keycloakAdminPassword() {
        return keycloak.adminPassword();
    }

    public String jdbcUrl() {
        return mariaDb.jdbcUrl();
    }

    /** Stops the database server (SIGSTOP) until the handle is closed: for tests of a database that hangs. */
    public Frozen freezeDatabase() {
        return Frozen.freeze("MariaDB", mariaDb.pids());
    }

    /** Stops Keycloak (SIGSTOP) until the handle is closed: for tests of an identity provider that hangs. */
    public Frozen freezeKeycloak() {
        return Frozen.freeze("Keycloak", keycloak.pids());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        keycloak.close();
        mariaDb.close();
    }

    private boolean closed;
}
