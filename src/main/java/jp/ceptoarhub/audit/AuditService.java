package jp.ceptoarhub.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log: every write in every feature appends an entry in the same transaction as the write. Entries are
 * hash-chained per tenant (each hash covers the previous hash and every field), so an edited, deleted or inserted
 * row breaks {@link #verify(long)}. Appends are serialised per tenant through {@code audit_chain_head}, row-locked.
 */
@Singleton
public class AuditService {
    static final String GENESIS = "0".repeat(64);

    private final JdbcOperations jdbc;
    private final Clock clock;

    AuditService(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry to the tenant's chain; must run inside the transaction of the change it records. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(long tenantId, @Nullable Actor actor, String action, String entityType,
                       @Nullable Object entityId, @Nullable String details) {
        jdbc.execute(conn -> {
            long seq;
            String prev;
            try (PreparedStatement lock = conn.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = ? FOR UPDATE")) {
                lock.setLong(1, tenantId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getLong(1) + 1;
                        prev = rs.getString(2);
                    } else {
                        seq = 1;
                        prev = GENESIS;
                        try (PreparedStatement init = conn.prepareStatement(
                                "INSERT INTO audit_chain_head (tenant_id, last_seq, last_hash) VALUES (?, 0, ?)")) {
                            init.setLong(1, tenantId);
                            init.setString(2, GENESIS);
                            init.executeUpdate();
                        }
                    }
                }
            }
            Instant at = clock.instant();
            String id = entityId == null ? null : entityId.toString();
            String hash = hash(prev, tenantId, seq, at, actor, action, entityType, id, details);
            try (PreparedStatement insert = conn.prepareStatement(
                    "INSERT INTO audit_log (tenant_id, seq, occurred_at, actor_tenant_id, actor_subject, actor_name, "
                            + "action, entity_type, entity_id, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, tenantId);
                insert.setLong(2, seq);
                insert.setTimestamp(3, Timestamp.from(at));
                if (actor == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, actor.tenantId());
                }
                insert.setString(5, actor == null ? null : actor.subject());
                insert.setString(6, actor == null ? null : actor.name());
                insert.setString(7, action);
                insert.setString(8, entityType);
                insert.setString(9, id);
                insert.setString(10, details);
                insert.setString(11, prev);
                insert.setString(12, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement head = conn.prepareStatement(
                    "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE tenant_id = ?")) {
                head.setLong(1, seq);
                head.setString(2, hash);
                head.setLong(3, tenantId);
                head.executeUpdate();
            }
            return null;
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(CurrentUser actor, String action, String entityType, @Nullable Object entityId,
                       @Nullable String details) {
        record(actor.tenantId(), actor.actor(), action, entityType, entityId, details);
    }

    /** Entries after {@code afterSeq}, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> list(long tenantId, long afterSeq, int limit) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT seq, occurred_at, actor_subject, actor_name, actor_tenant_id, action, entity_type, entity_id, "
                            + "details, prev_hash, hash FROM audit_log WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long actorTenantValue = rs.getLong(5);
                        Long actorTenant = rs.wasNull() ? null : actorTenantValue;
                        out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), actorTenant, rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    /** Recomputes the tenant's whole chain; reports the first entry whose hash or link does not match. */
    @Transactional(readOnly = true)
    public Verification verify(long tenantId) {
        String prev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = list(tenantId, after, 1000);
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry e : batch) {
                if (e.seq() != expectedSeq) {
                    return new Verification(false, checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                String recomputed = hash(prev, tenantId, e.seq(), e.occurredAt(),
                        e.actorSubject() == null && e.actorName() == null && e.actorTenantId() == null ? null
                                : new Actor(e.actorTenantId() == null ? 0 : e.actorTenantId(), e.actorSubject(), e.actorName()),
                        e.action(), e.entityType(), e.entityId(), e.details());
                if (!e.prevHash().equals(prev) || !e.hash().equals(recomputed)) {
                    return new Verification(false, checked, e.seq(), "entry " + e.seq() + " was altered");
                }
                prev = e.hash();
                expectedSeq++;
                checked++;
                after = e.seq();
            }
        }
        String head = jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT last_hash FROM audit_chain_head WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : GENESIS;
                }
            }
        });
        if (!head.equals(prev)) {
            return new Verification(false, checked, expectedSeq, "entries after " + (expectedSeq - 1) + " were deleted");
        }
        return new Verification(true, checked, null, null);
    }

    static String hash(String prev, long tenantId, long seq, Instant at, @Nullable Actor actor, String action,
                       String entityType, @Nullable String entityId, @Nullable String details) {
        StringBuilder sb = new StringBuilder();
        for (Object part : new Object[]{prev, tenantId, seq, at.toEpochMilli(),
                actor == null ? null : actor.tenantId(), actor == null ? null : actor.subject(),
                actor == null ? null : actor.name(), action, entityType, entityId, details}) {
            String s = part == null ? "\u0000" : part.toString();
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Serdeable
    public record Verification(boolean valid, long checkedEntries, @Nullable Long firstBrokenSeq,
                               @Nullable String problem) {
    }
}
