package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.caller.Actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The change history of the readiness record types that keep it in the shared {@code record_change} table (V7):
 * who changed which record when, and the changed fields before and after as JSON. Appends must run inside the
 * writing transaction, after the record row was written (or locked), so the per-record sequence cannot race.
 */
@Singleton
public class RecordHistory {
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public RecordHistory(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One entry as the API shows it (schema RecordHistoryEntry). */
    @Serdeable
    public record Entry(int seq, Instant changedAt, @Nullable String actorSubject, @Nullable String actorName,
                        String changeType, @Nullable JsonNode before, @Nullable JsonNode after) {
    }

    /** A page of a record's history (schema RecordHistoryPage). */
    @Serdeable
    public record Page(List<Entry> items, @Nullable String nextCursor) {
    }

    public void created(Actor actor, String recordType, long recordId, long memberId, Instant at,
                        Map<String, JsonNode> fields) {
        append(actor, recordType, recordId, memberId, at, "CREATED", null, fields);
    }

    /** Appends an UPDATED entry with the changed fields; does nothing when nothing changed. */
    public void updated(Actor actor, String recordType, long recordId, long memberId, Instant at, FieldChanges edit) {
        if (!edit.isEmpty()) {
            append(actor, recordType, recordId, memberId, at, "UPDATED", edit.before(), edit.after());
        }
    }

    public void deleted(Actor actor, String recordType, long recordId, long memberId, Instant at,
                        Map<String, JsonNode> fields) {
        append(actor, recordType, recordId, memberId, at, "DELETED", fields, null);
    }

    public void confirmed(Actor actor, String recordType, long recordId, long memberId, Instant at) {
        append(actor, recordType, recordId, memberId, at, "CONFIRMED", null, null);
    }

    /** Any entry; {@code changeType} may be type-specific (e.g. SUBMITTED), documented by the record type. */
    public void append(Actor actor, String recordType, long recordId, long memberId, Instant at, String changeType,
                       @Nullable Map<String, JsonNode> before, @Nullable Map<String, JsonNode> after) {
        String beforeJson = before == null ? null : write(JsonNode.createObjectNode(before));
        String afterJson = after == null ? null : write(JsonNode.createObjectNode(after));
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO record_change (tenant_id, record_type, "
                    + "record_id, member_operator_id, seq, changed_at, actor_subject, actor_name, change_type, "
                    + "before_json, after_json) SELECT ?, ?, ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ? "
                    + "FROM record_change WHERE tenant_id = ? AND record_type = ? AND record_id = ?")) {
                ps.setLong(1, actor.tenantId());
                ps.setString(2, recordType);
                ps.setLong(3, recordId);
                ps.setLong(4, memberId);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setString(6, actor.subject());
                ps.setString(7, actor.name());
                ps.setString(8, changeType);
                ps.setString(9, beforeJson);
                ps.setString(10, afterJson);
                ps.setLong(11, actor.tenantId());
                ps.setString(12, recordType);
                ps.setLong(13, recordId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * One keyset page of a record's history, oldest first. The caller must already have checked that the record
     * belongs to the caller's tenant and member; the query is scoped by tenant all the same.
     */
    public Page page(long tenantId, String recordType, long recordId, @Nullable String cursor, int limit) {
        long afterId = Cursor.decode(cursor);
        List<Long> ids = new ArrayList<>();
        List<Entry> rows = jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, seq, changed_at, actor_subject, actor_name, "
                    + "change_type, before_json, after_json FROM record_change WHERE tenant_id = ? AND record_type = ? "
                    + "AND record_id = ? AND id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, tenantId);
                ps.setString(2, recordType);
                ps.setLong(3, recordId);
                ps.setLong(4, afterId);
                ps.setInt(5, limit + 1);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        out.add(new Entry(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                                rs.getString(5), rs.getString(6), parse(rs.getString(7)), parse(rs.getString(8))));
                    }
                }
                return out;
            }
        });
        if (rows.size() > limit) {
            return new Page(rows.subList(0, limit), Cursor.encode(ids.get(limit - 1)));
        }
        return new Page(rows, null);
    }

    /** Compact JSON, the form stored and compared ({@link FieldChanges#between}'s canonical rendering). */
    public String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable JsonNode parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
