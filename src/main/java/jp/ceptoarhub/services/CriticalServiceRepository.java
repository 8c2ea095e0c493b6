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
interface CriticalServiceRepository extends CrudRepository<CriticalService, Long>, RecordStore<CriticalService> {
    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId AND member_operator_id = :memberId AND id = :id")
    Optional<CriticalService> find(long tenantId, long memberId, long id);

    /** Keyset page: without {@code since} the live services; with it every service changed at or after it. */
    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<CriticalService> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id")
    List<CriticalService> live(long tenantId, long memberId);

    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id FOR UPDATE")
    List<CriticalService> liveForUpdate(long tenantId, long memberId);

    /** Locks one service row, so a system cannot link to it while it is being deleted (and vice versa). */
    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id = :id FOR UPDATE")
    Optional<CriticalService> findForUpdate(long tenantId, long memberId, long id);

    /** Every service of the tenant, deleted ones included (their deletion is a change), for the dashboard. */
    @Override
    @Query("SELECT * FROM critical_service WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<CriticalService> allOfTenant(long tenantId);
}
