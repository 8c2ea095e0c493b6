package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jp.ceptoarhub.records.RecordStore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SupplierRepository extends CrudRepository<Supplier, Long>, RecordStore<Supplier> {
    @Override
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId AND id = :id")
    Optional<Supplier> find(long tenantId, long memberId, long id);

    @Override
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId AND id = :id "
            + "FOR UPDATE")
    Optional<Supplier> findForUpdate(long tenantId, long memberId, long id);

    @Override
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<Supplier> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Override
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id")
    List<Supplier> live(long tenantId, long memberId);

    @Override
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

    @Override
    @Query("SELECT * FROM supplier WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<Supplier> allOfTenant(long tenantId);
}
