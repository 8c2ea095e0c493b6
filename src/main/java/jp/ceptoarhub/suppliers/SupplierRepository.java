package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SupplierRepository extends CrudRepository<Supplier, Long> {
    Optional<Supplier> findByTenantIdAndMemberOperatorIdAndId(Long tenantId, Long memberOperatorId, Long id);

    /** The supplier row locked for the deleting transaction (links are checked only once it is held). */
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId AND id = :id "
            + "FOR UPDATE")
    Optional<Supplier> findForUpdate(long tenantId, long memberId, long id);

    /**
     * One keyset page of a member's suppliers. Without {@code since}: the live suppliers. With {@code since}: every
     * supplier changed at or after it, deleted ones included (the caller turns them into tombstones).
     */
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<Supplier> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id")
    List<Supplier> live(long tenantId, long memberId);

    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id FOR UPDATE")
    List<Supplier> liveForUpdate(long tenantId, long memberId);

    /**
     * Which of the ids are live suppliers of the member (for records of other types that link to suppliers). A
     * locking read: the linking transaction holds the rows until it commits, so a concurrent deletion (which locks
     * the row first, then checks the links) either waits and sees the new link or wins and the link is refused.
     */
    @Query("SELECT id FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL AND id IN (:ids) LOCK IN SHARE MODE")
    List<Long> liveIds(long tenantId, long memberId, Collection<Long> ids);

    /** Every supplier of the tenant, deleted ones included (their deletion is a change), for the freshness dashboard. */
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<Supplier> allOfTenant(long tenantId);
}
