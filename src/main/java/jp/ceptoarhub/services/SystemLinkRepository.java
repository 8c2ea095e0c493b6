package jp.ceptoarhub.services;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link tables of V9: which critical services (business_system_service) and which suppliers
 * (business_system_supplier) a live system supports. Rows of a deleted system are removed with the deletion.
 * Every query is scoped by tenant (and member where it selects by the linked-to id).
 */
@Singleton
class SystemLinkRepository {
    private static final String SERVICES = "business_system_service";
    private static final String SUPPLIERS = "business_system_supplier";

    private final JdbcOperations jdbc;

    SystemLinkRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A live system that links to something, as the 409 of a refused deletion names it. */
    record LinkingSystem(long id, String name) {
        String describe() {
            return "system " + id + " " + name;
        }
    }

    Map<Long, List<Long>> serviceIds(long tenantId, Collection<Long> systemIds) {
        return ids(tenantId, systemIds, SERVICES, "service_id");
    }

    Map<Long, List<Long>> supplierIds(long tenantId, Collection<Long> systemIds) {
        return ids(tenantId, systemIds, SUPPLIERS, "supplier_id");
    }

    /** Replaces the system's links; must run inside the writing transaction. */
    void replace(long tenantId, long memberId, long systemId, List<Long> serviceIds, List<Long> supplierIds) {
        jdbc.execute(conn -> {
            removeAll(conn, tenantId, systemId);
            insert(conn, SERVICES, "service_id", tenantId, memberId, systemId, serviceIds);
            insert(conn, SUPPLIERS, "supplier_id", tenantId, memberId, systemId, supplierIds);
            return null;
        });
    }

    void removeAll(long tenantId, long systemId) {
        jdbc.execute(conn -> {
            removeAll(conn, tenantId, systemId);
            return null;
        });
    }

    /** The member's live systems that link to the service, by id (a locking read, latest committed state). */
    List<LinkingSystem> systemsLinkingService(long tenantId, long memberId, long serviceId) {
        return linking(tenantId, memberId, SERVICES, "service_id", serviceId);
    }

    /** The member's live systems that link to the supplier, by id. */
    List<LinkingSystem> systemsLinkingSupplier(long tenantId, long memberId, long supplierId) {
        return linking(tenantId, memberId, SUPPLIERS, "supplier_id", supplierId);
    }

    /**
     * Which of the ids are live critical services of the member, by a locking read: inside a write it holds the
     * rows until commit, so a service cannot be deleted while a system is being linked to it, and it sees the
     * latest committed state rather than the transaction's snapshot.
     */
    Set<Long> lockLiveServiceIds(long tenantId, long memberId, Collection<Long> ids) {
        return live(tenantId, memberId, ids, "critical_service", " LOCK IN SHARE MODE");
    }

    /** Which of the ids are live critical services of the member (a plain read, for other features). */
    Set<Long> liveServiceIds(long tenantId, long memberId, Collection<Long> ids) {
        return live(tenantId, memberId, ids, "critical_service", "");
    }

    /** Which of the ids are live systems of the member (a plain read, for other features). */
    Set<Long> liveSystemIds(long tenantId, long memberId, Collection<Long> ids) {
        return live(tenantId, memberId, ids, "business_system", "");
    }

    /** Per member of the tenant: the ids of the services that at least one live system links to. */
    Map<Long, Set<Long>> linkedServicesOfTenant(long tenantId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT l.member_operator_id, l.service_id "
                    + "FROM " + SERVICES + " l JOIN business_system s ON s.tenant_id = l.tenant_id "
                    + "AND s.id = l.system_id WHERE l.tenant_id = ? AND s.deleted_at IS NULL")) {
                ps.setLong(1, tenantId);
                Map<Long, Set<Long>> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                    }
                }
                return out;
            }
        });
    }

    private Set<Long> live(long tenantId, long memberId, Collection<Long> ids, String table, String lock) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM " + table + " WHERE tenant_id = ? "
                    + "AND member_operator_id = ? AND deleted_at IS NULL AND id IN (" + marks(ids.size()) + ")" + lock)) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                int i = 3;
                for (Long id : ids) {
                    ps.setLong(i++, id);
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

    private List<LinkingSystem> linking(long tenantId, long memberId, String table, String column, long targetId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT s.id, s.name FROM " + table + " l "
                    + "JOIN business_system s ON s.tenant_id = l.tenant_id AND s.id = l.system_id "
                    + "WHERE l.tenant_id = ? AND l.member_operator_id = ? AND l." + column + " = ? "
                    + "AND s.member_operator_id = ? AND s.deleted_at IS NULL ORDER BY s.id LOCK IN SHARE MODE")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                ps.setLong(3, targetId);
                ps.setLong(4, memberId);
                List<LinkingSystem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LinkingSystem(rs.getLong(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    private Map<Long, List<Long>> ids(long tenantId, Collection<Long> systemIds, String table, String column) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (systemIds.isEmpty()) {
            return out;
        }
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT system_id, " + column + " FROM " + table
                    + " WHERE tenant_id = ? AND system_id IN (" + marks(systemIds.size()) + ") ORDER BY system_id, "
                    + column)) {
                ps.setLong(1, tenantId);
                int i = 2;
                for (Long id : systemIds) {
                    ps.setLong(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
                return out;
            }
        });
    }

    private static void removeAll(Connection conn, long tenantId, long systemId) throws SQLException {
        for (String table : List.of(SERVICES, SUPPLIERS)) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table
                    + " WHERE tenant_id = ? AND system_id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, systemId);
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection conn, String table, String column, long tenantId, long memberId,
                               long systemId, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (tenant_id, member_operator_id, "
                + "system_id, " + column + ") VALUES (?, ?, ?, ?)")) {
            for (Long id : ids) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                ps.setLong(3, systemId);
                ps.setLong(4, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
