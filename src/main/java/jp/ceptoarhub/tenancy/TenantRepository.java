package jp.ceptoarhub.tenancy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TenantRepository extends CrudRepository<Tenant, Long> {
    Optional<Tenant> findByIssuer(String issuer);

    Optional<Tenant> findByCode(String code);

    Optional<Tenant> findByRealmName(String realmName);

    boolean existsByCode(String code);

    List<Tenant> findByIdGreaterThanOrderByIdAsc(long afterId, io.micronaut.data.model.Pageable pageable);

    List<Tenant> findByKind(TenantKind kind);

    List<Tenant> findByStatus(TenantStatus status);
}
