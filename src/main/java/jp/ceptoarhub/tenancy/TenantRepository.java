package jp.ceptoarhub.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jp.ceptoarhub.caller.TenantKind;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TenantRepository extends CrudRepository<TenantRow, Long> {
    Optional<TenantRow> findByIssuer(String issuer);

    Optional<TenantRow> findByCode(String code);

    Optional<TenantRow> findByRealmName(String realmName);

    boolean existsByCode(String code);

    List<TenantRow> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable pageable);

    List<TenantRow> findByKind(TenantKind kind);

    List<TenantRow> findByStatus(TenantStatus status);
}
