package jp.ceptoarhub.testing;

import jp.ceptoarhub.devstack.EmbeddedMariaDb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts the SQL statements the service sends, from the test MariaDB's own general query log (written to the
 * {@code mysql.general_log} table while a capture is open). Only this JVM's service talks to the test database
 * during a capture; the capture's own connection is left out.
 */
public final class SqlStatements implements AutoCloseable {
    private final Connection connection;
    private final long ownThread;

    private SqlStatements(Connection connection, long ownThread) {
        this.connection = connection;
        this.ownThread = ownThread;
    }

    /** Starts capturing (the log so far is emptied). */
    public static SqlStatements capture() throws SQLException {
        Connection c = DriverManager.getConnection(TestStack.get().jdbcUrl(), EmbeddedMariaDb.USER,
                EmbeddedMariaDb.PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("SET GLOBAL general_log = 'OFF'");
            s.execute("TRUNCATE TABLE mysql.general_log");
            s.execute("SET GLOBAL general_log = 'ON'");
            try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                return new SqlStatements(c, rs.getLong(1));
            }
        }
    }

    /**
     * The statements logged so far (queries and executed prepared statements, not connection housekeeping such as
     * pings), oldest first.
     */
    public List<String> statements() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE thread_id <> " + ownThread
                        + " AND command_type IN ('Query', 'Execute') ORDER BY event_time")) {
            while (rs.next()) {
                String sql = rs.getString(1).strip();
                String lower = sql.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("set ") && !lower.startsWith("select @@") && !lower.startsWith("/* ping */")
                        && !lower.equals("select 1") && !lower.startsWith("show ")) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET GLOBAL general_log = 'OFF'");
        } finally {
            connection.close();
        }
    }
}
