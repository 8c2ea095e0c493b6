package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jp.ceptoarhub.records.RecordStore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BusinessSystemRepository extends CrudRepository<BusinessSystem, Long>, RecordStore<BusinessSystem> {
    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId AND member_operator_id = :memberId AND id = :id")
    Optional<BusinessSystem> find(long tenantId, long memberId, long id);

    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id = :id FOR UPDATE")
    Optional<BusinessSystem> findForUpdate(long tenantId, long memberId, long id);

    /** Keyset page: without {@code since} the live systems; with it every system changed at or after it. */
    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<BusinessSystem> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id")
    List<BusinessSystem> live(long tenantId, long memberId);

    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id FOR UPDATE")
    List<BusinessSystem> liveForUpdate(long tenantId, long memberId);

    @Override
    @Query("SELECT * FROM business_system WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<BusinessSystem> allOfTenant(long tenantId);
}
