package jp.ceptoarhub.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Page;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;

import java.net.URI;
import java.util.List;

/** Platform administration of tenants: national-tenant platform admins only. */
@Controller("/api/v1/platform/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantController {
    private final TenantService tenants;
    private final Idempotency idempotency;

    TenantController(TenantService tenants, Idempotency idempotency) {
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @Valid @Body TenantCommands.CreateTenant body) {
        platformAdmin(user);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            TenantService.Created created = tenants.create(body, user.actor());
            TenantView view = TenantView.of(created.tenant(), Labels.of(request), created.firstAdmin());
            return HttpResponse.created(view, URI.create("/api/v1/platform/tenants/" + view.id()))
                    .header("ETag", view.etag());
        });
    }

    @Get
    Page<TenantView> list(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String cursor,
                          @Nullable @QueryValue Integer limit) {
        platformAdmin(user);
        int n = Cursor.limit(limit);
        Labels lang = Labels.of(request);
        List<TenantView> rows = tenants.list(Cursor.decode(cursor), n + 1).stream()
                .map(t -> TenantView.of(t, lang, null)).toList();
        return Cursor.page(rows, n, TenantView::id);
    }

    @Get("/{id}")
    HttpResponse<TenantView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        platformAdmin(user);
        TenantView view = tenants.find(id).map(t -> TenantView.of(t, Labels.of(request), null))
                .orElseThrow(() -> Problems.notFound("Tenant " + id));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<TenantView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                    @Valid @Body TenantCommands.UpdateTenant body) {
        platformAdmin(user);
        Labels lang = Labels.of(request);
        Tenant updated = tenants.update(id, body,
                current -> ETags.requireMatch(request, TenantView.of(current, lang, null).etag()),
                user.actor());
        TenantView view = TenantView.of(updated, lang, null);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/suspend")
    MutableHttpResponse<TenantView> suspend(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        platformAdmin(user);
        TenantView view = TenantView.of(tenants.setStatus(id, TenantStatus.SUSPENDED, user.actor()),
                Labels.of(request), null);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/reactivate")
    MutableHttpResponse<TenantView> reactivate(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        platformAdmin(user);
        TenantView view = TenantView.of(tenants.setStatus(id, TenantStatus.ACTIVE, user.actor()),
                Labels.of(request), null);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    private static void platformAdmin(CurrentUser user) {
        if (!user.national()) {
            throw Problems.forbidden("Only platform administrators of the national tenant manage tenants");
        }
        user.require(Role.PLATFORM_ADMIN);
    }
}
