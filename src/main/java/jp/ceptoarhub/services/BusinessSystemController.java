package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.SyncCursor;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The systems of a member operator (IT, control systems / OT, IoT) that support its critical services. */
@Controller("/api/v1/members/{memberId}/systems")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BusinessSystemController {
    private final BusinessSystemService systems;
    private final CriticalServiceService services;
    private final Idempotency idempotency;

    BusinessSystemController(BusinessSystemService systems, CriticalServiceService services,
                             Idempotency idempotency) {
        this.systems = systems;
        this.services = services;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body ServiceCommands.SystemInput body) {
        services.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            BusinessSystemView view = systems.view(user.tenantId(), systems.create(user, memberId, body),
                    Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/systems/" + view.id()))
                    .header("ETag", view.etag());
        });
    }

    @Get
    BusinessSystemView.Page list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                 @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<BusinessSystem> rows = systems.page(user, memberId, c.afterId(), since, n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        return new BusinessSystemView.Page(systems.views(user.tenantId(), rows, Labels.of(request)), next,
                c.syncToken().toString(), Instant.now());
    }

    /** The same "confirm unchanged" as POST /critical-services/confirm: one confirmation for the area. */
    @Post("/confirm")
    CriticalServiceView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return services.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<BusinessSystemView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                         @PathVariable long id) {
        BusinessSystemView view = systems.view(user.tenantId(), systems.visible(user, memberId, id),
                Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<BusinessSystemView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                            @PathVariable long id, @Body ServiceCommands.SystemInput body) {
        BusinessSystem updated = systems.update(user, memberId, id, body, current -> ETags.requireMatch(request,
                BusinessSystemView.etag(current.id(), current.versionOrZero())));
        BusinessSystemView view = systems.view(user.tenantId(), updated, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        systems.delete(user, memberId, id, current -> ETags.requireMatch(request,
                BusinessSystemView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return systems.history(user, memberId, id, cursor, Cursor.limit(limit));
    }
}
