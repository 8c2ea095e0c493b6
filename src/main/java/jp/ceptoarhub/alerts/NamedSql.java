package jp.ceptoarhub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL with {@code :name} parameters, so that the visibility predicate (which uses the viewer's parameters several
 * times) is one text composed into every query rather than a run of positional {@code ?} to keep in step.
 * Parameters are bound from a map: a missing one is an error, never a silent NULL.
 */
final class NamedSql {
    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    static NamedSql of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (!quoted && c == ':' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }

    PreparedStatement prepare(Connection conn, Map<String, ?> params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("SQL parameter :" + name + " not bound");
                }
                bind(ps, i + 1, params.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Instant instant -> ps.setTimestamp(index, Timestamp.from(instant));
            case Boolean b -> ps.setInt(index, b ? 1 : 0);
            case Enum<?> e -> ps.setString(index, e.name());
            default -> ps.setObject(index, value);
        }
    }

    /** A parameter map, starting from the viewer's parameters of the visibility predicate. */
    static final class Params extends HashMap<String, Object> {
        static Params of(Viewer viewer) {
            Params p = new Params();
            p.putAll(AlertVisibility.params(viewer));
            return p;
        }

        static Params none() {
            return new Params();
        }

        Params with(String name, Object value) {
            put(name, value);
            return this;
        }
    }
}
