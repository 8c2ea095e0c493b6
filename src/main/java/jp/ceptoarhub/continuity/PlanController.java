package jp.ceptoarhub.continuity;

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
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.SyncCursor;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The continuity plans (contingency plan, BCP, IT-BCP, recovery plan) of a member operator (issue 4 item 5). */
@Controller("/api/v1/members/{memberId}/continuity-plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {
    private final PlanService plans;
    private final Idempotency idempotency;

    PlanController(PlanService plans, Idempotency idempotency) {
        this.plans = plans;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body PlanCommands.PlanInput body) {
        plans.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            PlanView view = PlanView.of(plans.create(user, memberId, body), Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/continuity-plans/"
                    + view.id())).header("ETag", view.etag());
        });
    }

    /**
     * Without {@code updatedSince}: the live plans. With it: every plan changed since, deleted ones as tombstones.
     * Every page carries the {@code syncToken} to send as {@code updatedSince} next time.
     */
    @Get
    PlanView.PlanPage list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                           @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = instant(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<ContinuityPlan> rows = plans.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<PlanView> items = rows.stream().map(r -> PlanView.of(r, lang)).toList();
        return new PlanView.PlanPage(items, next, c.syncToken().toString(), Instant.now());
    }

    @Post("/confirm")
    PlanView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return plans.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<PlanView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                               @PathVariable long id) {
        PlanView view = PlanView.of(plans.visible(user, memberId, id), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<PlanView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id, @Body PlanCommands.PlanInput body) {
        ContinuityPlan updated = plans.update(user, memberId, id, body, current -> ETags.requireMatch(request,
                PlanView.etag(current.id(), current.versionOrZero())));
        PlanView view = PlanView.of(updated, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        plans.delete(user, memberId, id, current -> ETags.requireMatch(request,
                PlanView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    PlanView.HistoryPage history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                                 @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        List<PlanChange> rows = plans.history(user, memberId, id, Cursor.decode(cursor), n + 1);
        var page = Cursor.page(rows, n, PlanChange::id);
        return new PlanView.HistoryPage(page.items().stream().map(ch -> new PlanView.HistoryEntry(ch.seq(),
                ch.changedAt(), ch.actorSubject(), ch.actorName(), ch.changeType(), plans.parse(ch.beforeJson()),
                plans.parse(ch.afterJson()))).toList(), page.nextCursor());
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw Problems.invalidField("updatedSince", "must be an ISO-8601 instant such as 2026-04-01T00:00:00Z "
                        + "(the syncToken of the previous listing)");
            }
        }
    }
}
