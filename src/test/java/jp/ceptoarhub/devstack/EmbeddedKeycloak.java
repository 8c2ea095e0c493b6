package jp.ceptoarhub.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak from the Maven Central distribution (org.keycloak:keycloak-quarkus-dist:zip, fetched by the build
 * into target/keycloak-dist). Unpacked once into ~/.cache/ceptoar-hub, then each run gets its own copy-on-start home
 * (only conf and data differ) and runs {@code kc.sh start-dev} on free loopback ports with an in-memory database.
 */
public final class EmbeddedKeycloak implements AutoCloseable {
    public static final String ADMIN_USER = "admin";

    private final Process process;
    private final int port;
    private final String adminPassword;
    private final Path log;

    private EmbeddedKeycloak(Process process, int port, String adminPassword, Path log) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    public static EmbeddedKeycloak start(Path distZip, String version, Path runDir) throws Exception {
        return start(distZip, version, runDir, 0);
    }

    /** {@code preferredPort} 0 (or busy) means any free loopback port. */
    public static EmbeddedKeycloak start(Path distZip, String version, Path runDir, int preferredPort) throws Exception {
        Path home = unpackOnce(distZip, version);
        Files.createDirectories(runDir);
        int port = preferredPort > 0 && EmbeddedMariaDb.portFree(preferredPort) ? preferredPort : EmbeddedMariaDb.freePort();
        int managementPort = EmbeddedMariaDb.freePort();
        String adminPassword = UUID.randomUUID().toString();
        Path log = runDir.resolve("keycloak.log");
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--db=dev-mem", "--cache=local", "--health-enabled=true"));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        pb.environment().put("JAVA_OPTS_APPEND", "-Xms128m -Xmx768m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + runDir);
        Process process = pb.start();
        EmbeddedKeycloak kc = new EmbeddedKeycloak(process, port, adminPassword, log);
        kc.awaitReady(Duration.ofMinutes(4));
        return kc;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/realms/master"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + timeout + "; see " + log);
    }

    /**
     * Unpacks the distribution into the user cache the first time. Unpacking into a temporary sibling and renaming
     * keeps concurrent first runs from seeing half a distribution.
     */
    static Path unpackOnce(Path distZip, String version) throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "ceptoar-hub");
        Path home = cache.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(distZip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + distZip
                    + "; run the build (./mvnw test-compile) so that Maven fetches it");
        }
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, "unpack-");
        try (InputStream in = Files.newInputStream(distZip); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // strip keycloak-x.y.z/
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("bad zip entry " + name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            EmbeddedMariaDb.deleteRecursively(staging.toFile());
        }
        return home;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** kc.sh and the Keycloak JVM it started. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().map(ProcessHandle::pid).forEach(pids::add);
        return pids;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
