package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AnswerRepository extends CrudRepository<Answer, Long> {
    Optional<Answer> findByTenantIdAndMemberOperatorIdAndQuestionId(Long tenantId, Long memberOperatorId,
                                                                    String questionId);

    /**
     * One keyset page of a member's answers. Without {@code since}: the live answers. With {@code since}: every
     * answer changed at or after it, cleared ones included (the caller turns them into tombstones).
     */
    @Query("SELECT * FROM self_assessment_answer WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "AND id > :afterId AND (:since IS NULL AND deleted_at IS NULL OR :since IS NOT NULL AND updated_at >= :since) "
            + "ORDER BY id LIMIT :limit")
    List<Answer> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    @Query("SELECT * FROM self_assessment_answer WHERE tenant_id = :tenantId AND member_operator_id = :memberId "
            + "ORDER BY id")
    List<Answer> allOfMember(long tenantId, long memberId);

    /** Every answer of the tenant, cleared ones included (their clearing is a change), for the freshness dashboard. */
    @Query("SELECT * FROM self_assessment_answer WHERE tenant_id = :tenantId ORDER BY member_operator_id, id")
    List<Answer> allOfTenant(long tenantId);
}
