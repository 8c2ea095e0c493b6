package jp.ceptoarhub.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.Page;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;

import java.util.List;

/** A tenant's own audit log, for its secretariat (and, in the national tenant, its platform admins). */
@Controller("/api/v1/audit-log")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {
    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get
    Page<AuditEntry> list(CurrentUser user, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        user.require(Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF, Role.PLATFORM_ADMIN);
        int n = Cursor.limit(limit);
        List<AuditEntry> rows = audit.list(user.tenantId(), Cursor.decode(cursor), n + 1);
        return Cursor.page(rows, n, AuditEntry::seq);
    }

    @Get("/verification")
    AuditService.Verification verify(CurrentUser user) {
        user.require(Role.SECRETARIAT_ADMIN, Role.PLATFORM_ADMIN);
        return audit.verify(user.tenantId());
    }
}
