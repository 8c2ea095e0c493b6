package jp.ceptoarhub.continuity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PlanChangeRepository extends CrudRepository<PlanChange, Long> {
    @Query("SELECT COALESCE(MAX(seq), 0) FROM continuity_plan_change WHERE tenant_id = :tenantId AND plan_id = :planId")
    int lastSeq(long tenantId, long planId);

    @Query("SELECT * FROM continuity_plan_change WHERE tenant_id = :tenantId AND plan_id = :planId AND id > :afterId "
            + "ORDER BY id LIMIT :limit")
    List<PlanChange> page(long tenantId, long planId, long afterId, int limit);
}
