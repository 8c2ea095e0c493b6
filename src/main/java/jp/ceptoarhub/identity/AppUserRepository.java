package jp.ceptoarhub.identity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AppUserRepository extends CrudRepository<AppUserRow, Long> {
    Optional<AppUserRow> findByTenantIdAndSubject(Long tenantId, String subject);

    Optional<AppUserRow> findByTenantIdAndId(Long tenantId, Long id);

    boolean existsByTenantIdAndUsername(Long tenantId, String username);

    List<AppUserRow> findByTenantIdOrderByIdAsc(Long tenantId);

    List<AppUserRow> findByTenantIdAndIdGreaterThanOrderByIdAsc(Long tenantId, Long afterId,
                                                             Pageable pageable);

    List<AppUserRow> findByTenantIdAndMemberOperatorIdAndIdGreaterThanOrderByIdAsc(Long tenantId, Long memberOperatorId,
                                                                                Long afterId,
                                                                                Pageable pageable);

    @Query("UPDATE app_user SET tokens_not_before = :notBefore WHERE id = :id")
    void updateTokensNotBefore(Long id, Instant notBefore);

    @Query("UPDATE app_user SET last_seen_at = :seenAt WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :notBefore)")
    void touchLastSeen(Long id, Instant seenAt, Instant notBefore);
}
