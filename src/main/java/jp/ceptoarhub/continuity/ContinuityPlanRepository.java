package jp.ceptoarhub.continuity;

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
interface ContinuityPlanRepository extends CrudRepository<ContinuityPlan, Long>, RecordStore<ContinuityPlan> {
    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id = :id")
    Optional<ContinuityPlan> find(long tenantId, long memberId, long id);

    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id = :id FOR UPDATE")
    Optional<ContinuityPlan> findForUpdate(long tenantId, long memberId, long id);

    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<ContinuityPlan> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id FOR UPDATE")
    List<ContinuityPlan> liveForUpdate(long tenantId, long memberId);

    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL ORDER BY id")
    List<ContinuityPlan> live(long tenantId, long memberId);

    /** IT-BCPs that escalate to the given BCP (a BCP cannot be deleted or retyped while one does). */
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND deleted_at IS NULL AND escalates_to_plan_id = :planId ORDER BY id")
    List<ContinuityPlan> escalatingTo(long tenantId, long memberId, long planId);

    @Override
    @Query("SELECT * FROM continuity_plan WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<ContinuityPlan> allOfTenant(long tenantId);
}
