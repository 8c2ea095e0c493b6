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

/** The critical services of a member operator (issue 4 item 4), from its sector's 別紙2 services. */
@Controller("/api/v1/members/{memberId}/critical-services")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CriticalServiceController {
    private final CriticalServiceService services;
    private final Idempotency idempotency;

    CriticalServiceController(CriticalServiceService services, Idempotency idempotency) {
        this.services = services;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body ServiceCommands.ServiceInput body) {
        services.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            CriticalServiceView view = CriticalServiceView.of(services.create(user, memberId, body),
                    services.templates(), Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/critical-services/"
                    + view.id())).header("ETag", view.etag());
        });
    }

    /**
     * Without {@code updatedSince}: the live services. With it: every service changed since, deleted ones as
     * tombstones. Every page carries the {@code syncToken} to send as {@code updatedSince} next time.
     */
    @Get
    CriticalServiceView.Page list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                  @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<CriticalService> rows = services.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<CriticalServiceView> items = rows.stream()
                .map(r -> CriticalServiceView.of(r, services.templates(), lang)).toList();
        return new CriticalServiceView.Page(items, next, c.syncToken().toString(), Instant.now());
    }

    @Post("/confirm")
    CriticalServiceView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return services.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<CriticalServiceView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                          @PathVariable long id) {
        CriticalServiceView view = CriticalServiceView.of(services.visible(user, memberId, id), services.templates(),
                Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<CriticalServiceView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                             @PathVariable long id, @Body ServiceCommands.ServiceInput body) {
        CriticalService updated = services.update(user, memberId, id, body, current -> ETags.requireMatch(request,
                CriticalServiceView.etag(current.id(), current.versionOrZero())));
        CriticalServiceView view = CriticalServiceView.of(updated, services.templates(), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        services.delete(user, memberId, id, current -> ETags.requireMatch(request,
                CriticalServiceView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return services.history(user, memberId, id, cursor, Cursor.limit(limit));
    }
}
