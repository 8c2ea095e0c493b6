package jp.ceptoarhub.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SnapshotAnswerRepository extends CrudRepository<SnapshotAnswer, Long> {
    @Query("SELECT * FROM self_assessment_snapshot_answer WHERE tenant_id = :tenantId AND submission_id = :submissionId "
            + "AND round = :round ORDER BY id")
    List<SnapshotAnswer> ofRound(long tenantId, long submissionId, int round);
}
