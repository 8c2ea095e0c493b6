package jp.ceptoarhub.tenancy;

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
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The trail of denied attempts of signed-in callers, across tenants: platform admins only ({@link AccessDenials}). */
@Controller("/api/v1/platform/access-denials")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccessDenialController {
    private final AccessDenials denials;

    AccessDenialController(AccessDenials denials) {
        this.denials = denials;
    }

    @Get
    Page<AccessDenials.Denial> list(CurrentUser user, @Nullable @QueryValue Long tenantId,
                                    @Nullable @QueryValue String since, @Nullable @QueryValue String cursor,
                                    @Nullable @QueryValue Integer limit) {
        if (!user.national() || !user.is(Role.PLATFORM_ADMIN)) {
            throw Problems.forbidden("Only platform administrators read the access-denial trail");
        }
        int n = Cursor.limit(limit);
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw Problems.invalidField("since", "must be an instant such as 2026-04-01T00:00:00Z");
            }
        }
        denials.flush();
        List<AccessDenials.Denial> rows = denials.list(tenantId, from, Cursor.decode(cursor), n + 1);
        return Cursor.page(rows, n, AccessDenials.Denial::id);
    }
}
