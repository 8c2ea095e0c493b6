package jp.ceptoarhub.suppliers;

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

/** The supply chain of a member operator: its tier-1 suppliers and contractors (issue 4 item 2). */
@Controller("/api/v1/members/{memberId}/suppliers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SupplierController {
    private final SupplierService suppliers;
    private final SupplierRules rules;
    private final SupplierTypes types;
    private final Idempotency idempotency;

    SupplierController(SupplierService suppliers, SupplierRules rules, SupplierTypes types, Idempotency idempotency) {
        this.suppliers = suppliers;
        this.rules = rules;
        this.types = types;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body SupplierCommands.SupplierInput body) {
        suppliers.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            SupplierView view = view(suppliers.create(user, memberId, body), Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/suppliers/" + view.id()))
                    .header("ETag", view.etag());
        });
    }

    /**
     * Without {@code updatedSince}: the live suppliers. With it: every supplier changed since, deleted ones as
     * tombstones. Every page carries the {@code syncToken} to send as {@code updatedSince} next time.
     */
    @Get
    SupplierView.SupplierPage list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                   @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                   @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<Supplier> rows = suppliers.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<SupplierView> items = rows.stream().map(r -> view(r, lang)).toList();
        return new SupplierView.SupplierPage(items, next, c.syncToken().toString(), Instant.now());
    }

    @Post("/confirm")
    SupplierView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return suppliers.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<SupplierView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                   @PathVariable long id) {
        SupplierView view = view(suppliers.visible(user, memberId, id), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<SupplierView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                      @PathVariable long id, @Body SupplierCommands.SupplierInput body) {
        Supplier updated = suppliers.update(user, memberId, id, body, current -> ETags.requireMatch(request,
                SupplierView.etag(current.id(), current.versionOrZero())));
        SupplierView view = view(updated, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        suppliers.delete(user, memberId, id, current -> ETags.requireMatch(request,
                SupplierView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return suppliers.history(user, memberId, id, cursor, Cursor.limit(limit));
    }

    private SupplierView view(Supplier s, Labels lang) {
        return SupplierView.of(s, rules, types, lang);
    }
}
