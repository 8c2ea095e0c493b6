package jp.ceptoarhub.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubmissionRepository extends CrudRepository<Submission, Long> {
    Optional<Submission> findByTenantIdAndCampaignIdAndMemberOperatorId(Long tenantId, Long campaignId,
                                                                        Long memberOperatorId);

    @Query("SELECT * FROM self_assessment_submission WHERE tenant_id = :tenantId AND campaign_id = :campaignId "
            + "AND member_operator_id = :memberId FOR UPDATE")
    Optional<Submission> forUpdate(long tenantId, long campaignId, long memberId);

    @Query("SELECT * FROM self_assessment_submission WHERE tenant_id = :tenantId AND campaign_id = :campaignId "
            + "ORDER BY member_operator_id")
    List<Submission> ofCampaign(long tenantId, long campaignId);
}
