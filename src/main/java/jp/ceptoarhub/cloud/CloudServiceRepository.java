package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.cloud.CloudFields.Field;
import jp.ceptoarhub.records.RecordStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cloud_service table (V10). Columns follow {@link CloudFields} (camelCase name → snake_case column); lists are
 * JSON columns. Every query is scoped by tenant (and member where the caller has one); writes must run inside the
 * caller's transaction.
 */
@Singleton
class CloudServiceRepository implements RecordStore<CloudService> {
    private static final String COLUMNS = CloudFields.ALL.stream().map(Field::column).collect(Collectors.joining(", "));
    private static final String SELECT = "SELECT id, tenant_id, member_operator_id, " + COLUMNS
            + ", created_at, updated_at, deleted_at, version FROM cloud_service ";
    private static final String LIVE = "WHERE tenant_id = ? AND member_operator_id = ? AND deleted_at IS NULL ORDER BY id";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CloudServiceRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    CloudService insert(long tenantId, long memberId, Map<String, JsonNode> data, Instant now) {
        String marks = CloudFields.ALL.stream().map(f -> "?").collect(Collectors.joining(", "));
        long id = jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO cloud_service (tenant_id, member_operator_id, "
                    + COLUMNS + ", created_at, updated_at, version) VALUES (?, ?, " + marks + ", ?, ?, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                ps.setLong(i++, tenantId);
                ps.setLong(i++, memberId);
                i = bind(ps, i, data);
                ps.setTimestamp(i++, Timestamp.from(now));
                ps.setTimestamp(i, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new CloudService(id, tenantId, memberId, data, now, now, null, 0L);
    }

    /** Writes new field values and bumps the version; the row must have been read FOR UPDATE in this transaction. */
    CloudService update(CloudService current, Map<String, JsonNode> data, Instant now) {
        String sets = CloudFields.ALL.stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "));
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE cloud_service SET " + sets
                    + ", updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?")) {
                int i = bind(ps, 1, data);
                ps.setTimestamp(i++, Timestamp.from(now));
                ps.setLong(i++, current.tenantId());
                ps.setLong(i++, current.id());
                ps.setLong(i, current.version());
                return requireOne(ps.executeUpdate());
            }
        });
        return new CloudService(current.id(), current.tenantId(), current.memberOperatorId(), data,
                current.createdAt(), now, null, current.version() + 1);
    }

    CloudService tombstone(CloudService current, Instant now) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE cloud_service SET deleted_at = ?, updated_at = ?, "
                    + "version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setLong(3, current.tenantId());
                ps.setLong(4, current.id());
                ps.setLong(5, current.version());
                return requireOne(ps.executeUpdate());
            }
        });
        return new CloudService(current.id(), current.tenantId(), current.memberOperatorId(), current.data(),
                current.createdAt(), now, now, current.version() + 1);
    }

    @Override
    public Optional<CloudService> find(long tenantId, long memberId, long id) {
        return query(SELECT + "WHERE tenant_id = ? AND member_operator_id = ? AND id = ?", tenantId, memberId, id)
                .stream().findFirst();
    }

    @Override
    public Optional<CloudService> findForUpdate(long tenantId, long memberId, long id) {
        return query(SELECT + "WHERE tenant_id = ? AND member_operator_id = ? AND id = ? FOR UPDATE", tenantId,
                memberId, id).stream().findFirst();
    }

    @Override
    public List<CloudService> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit) {
        if (since == null) {
            return query(SELECT + "WHERE tenant_id = ? AND member_operator_id = ? AND id > ? AND deleted_at IS NULL "
                    + "ORDER BY id LIMIT ?", tenantId, memberId, afterId, limit);
        }
        return query(SELECT + "WHERE tenant_id = ? AND member_operator_id = ? AND id > ? AND updated_at >= ? "
                + "ORDER BY id LIMIT ?", tenantId, memberId, afterId, Timestamp.from(since), limit);
    }

    @Override
    public List<CloudService> live(long tenantId, long memberId) {
        return query(SELECT + LIVE, tenantId, memberId);
    }

    @Override
    public List<CloudService> liveForUpdate(long tenantId, long memberId) {
        return query(SELECT + LIVE + " FOR UPDATE", tenantId, memberId);
    }

    /** Which of the ids are live services of the member (for other record types' links). */
    Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Long> list = List.copyOf(ids);
        String marks = list.stream().map(x -> "?").collect(Collectors.joining(", "));
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM cloud_service WHERE tenant_id = ? "
                    + "AND member_operator_id = ? AND deleted_at IS NULL AND id IN (" + marks + ")")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                for (int i = 0; i < list.size(); i++) {
                    ps.setLong(i + 3, list.get(i));
                }
                Set<Long> out = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<CloudService> allOfTenant(long tenantId) {
        return query(SELECT + "WHERE tenant_id = ? ORDER BY member_operator_id, id", tenantId);
    }

    private List<CloudService> query(String sql, Object... args) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<CloudService> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private CloudService read(ResultSet rs) throws SQLException {
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (Field f : CloudFields.ALL) {
            data.put(f.name(), column(rs, f));
        }
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new CloudService(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("member_operator_id"), data,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                deleted == null ? null : deleted.toInstant(), rs.getLong("version"));
    }

    private JsonNode column(ResultSet rs, Field f) throws SQLException {
        String c = f.column();
        if (f.type().list()) {
            String text = rs.getString(c);
            return text == null ? JsonNode.createArrayNode(List.of()) : parse(text);
        }
        JsonNode out = switch (f.type()) {
            case BOOL -> JsonNode.createBooleanNode(rs.getBoolean(c));
            case INT -> JsonNode.createNumberNode(rs.getInt(c));
            case PERCENT -> {
                BigDecimal d = rs.getBigDecimal(c);
                yield d == null ? JsonNode.nullNode()
                        : JsonNode.createNumberNode(new BigDecimal(d.stripTrailingZeros().toPlainString()));
            }
            case PAST_DATE -> {
                Date d = rs.getDate(c);
                yield d == null ? JsonNode.nullNode() : JsonNode.createStringNode(d.toLocalDate().toString());
            }
            default -> {
                String s = rs.getString(c);
                yield s == null ? JsonNode.nullNode() : JsonNode.createStringNode(s);
            }
        };
        return rs.wasNull() ? JsonNode.nullNode() : out;
    }

    private int bind(PreparedStatement ps, int start, Map<String, JsonNode> data) throws SQLException {
        int i = start;
        for (Field f : CloudFields.ALL) {
            JsonNode v = data.get(f.name());
            if (f.type().list()) {
                ps.setString(i++, write(v == null ? JsonNode.createArrayNode(List.of()) : v));
                continue;
            }
            if (v == null || v.isNull()) {
                ps.setNull(i++, switch (f.type()) {
                    case BOOL -> Types.BOOLEAN;
                    case INT -> Types.INTEGER;
                    case PERCENT -> Types.DECIMAL;
                    case PAST_DATE -> Types.DATE;
                    default -> Types.VARCHAR;
                });
                continue;
            }
            switch (f.type()) {
                case BOOL -> ps.setBoolean(i++, v.getBooleanValue());
                case INT -> ps.setInt(i++, v.getIntValue());
                case PERCENT -> ps.setBigDecimal(i++, v.getBigDecimalValue());
                case PAST_DATE -> ps.setDate(i++, Date.valueOf(LocalDate.parse(v.getStringValue())));
                default -> ps.setString(i++, v.getStringValue());
            }
        }
        return i;
    }

    private static int requireOne(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("cloud_service row changed concurrently");
        }
        return updated;
    }

    String write(JsonNode value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readValue(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
