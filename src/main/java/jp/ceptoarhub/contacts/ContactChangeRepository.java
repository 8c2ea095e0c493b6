package jp.ceptoarhub.contacts;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ContactChangeRepository extends CrudRepository<ContactChange, Long> {
    @Query("SELECT COALESCE(MAX(seq), 0) FROM contact_change WHERE tenant_id = :tenantId AND contact_id = :contactId")
    int lastSeq(long tenantId, long contactId);

    @Query("SELECT * FROM contact_change WHERE tenant_id = :tenantId AND contact_id = :contactId AND id > :afterId "
            + "ORDER BY id LIMIT :limit")
    List<ContactChange> page(long tenantId, long contactId, long afterId, int limit);
}
