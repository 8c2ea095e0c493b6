package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MemberOperatorRepository extends CrudRepository<MemberOperator, Long> {
    Optional<MemberOperator> findByTenantIdAndId(Long tenantId, Long id);

    Optional<MemberOperator> findByTenantIdAndCorporateNumber(Long tenantId, String corporateNumber);

    Optional<MemberOperator> findByTenantIdAndLocalGovernmentCode(Long tenantId, String localGovernmentCode);

    long countByTenantId(Long tenantId);

    /**
     * One keyset page of the tenant's members. Every filter is optional; {@code onlyId} restricts operator users to
     * their own organisation. {@code qLike} is {@code %q%} with LIKE metacharacters escaped.
     */
    @Query("SELECT * FROM member_operator WHERE tenant_id = :tenantId AND id > :afterId "
            + "AND (:onlyId IS NULL OR id = :onlyId) "
            + "AND (:sectorCode IS NULL OR sector_code = :sectorCode) "
            + "AND (:membershipKind IS NULL OR membership_kind = :membershipKind) "
            + "AND (:q IS NULL OR name_ja LIKE :qLike OR name_kana LIKE :qKanaLike OR name_en LIKE :qLike "
            + "OR corporate_number = :q OR local_government_code = :q) "
            + "ORDER BY id LIMIT :limit")
    List<MemberOperator> search(long tenantId, long afterId, @Nullable Long onlyId, @Nullable String sectorCode,
                                @Nullable String membershipKind, @Nullable String q, @Nullable String qLike,
                                @Nullable String qKanaLike, int limit);

    @Query("SELECT id FROM member_operator WHERE tenant_id = :tenantId AND membership_kind = 'SUSPENDED'")
    List<Long> findSuspendedIds(long tenantId);

    @Query("SELECT * FROM member_operator WHERE tenant_id = :tenantId ORDER BY id")
    List<MemberOperator> findAllOfTenant(long tenantId);
}
