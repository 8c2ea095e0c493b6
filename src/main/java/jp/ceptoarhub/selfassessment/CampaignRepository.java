package jp.ceptoarhub.selfassessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CampaignRepository extends CrudRepository<Campaign, Long> {
    Optional<Campaign> findByTenantIdAndId(Long tenantId, Long id);

    /** Newest first (keyset on id descending); {@code beforeId} 0 = first page. */
    @Query("SELECT * FROM self_assessment_campaign WHERE tenant_id = :tenantId "
            + "AND (:beforeId = 0 OR id < :beforeId) ORDER BY id DESC LIMIT :limit")
    List<Campaign> page(long tenantId, long beforeId, int limit);
}
