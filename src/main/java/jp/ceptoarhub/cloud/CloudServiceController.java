package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
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
import java.util.Map;

/** The cloud services inventory of a member operator (issue 4 item 3). */
@Controller("/api/v1/members/{memberId}/cloud-services")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CloudServiceController {
    private final CloudServices services;
    private final CloudRules rules;
    private final Idempotency idempotency;

    CloudServiceController(CloudServices services, CloudRules rules, Idempotency idempotency) {
        this.services = services;
        this.rules = rules;
        this.idempotency = idempotency;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Nullable @Body String body) {
        services.requireWrite(user, memberId);
        Map<String, JsonNode> input = rules.parse(body);
        return idempotency.execute(user.tenantId(), user.subject(), request, JsonNode.createObjectNode(input), () -> {
            CloudService saved = services.create(user, memberId, input);
            return HttpResponse.created(CloudViews.of(saved, Labels.of(request)),
                    URI.create("/api/v1/members/" + memberId + "/cloud-services/" + saved.id()))
                    .header("ETag", CloudViews.etag(saved));
        });
    }

    /**
     * Without {@code updatedSince}: the live services. With it: every service changed since, deleted ones as
     * tombstones. Every page carries the {@code syncToken} to send as {@code updatedSince} next time.
     */
    @Get
    CloudViews.Page list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                         @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                         @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<CloudService> rows = services.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<JsonNode> items = rows.stream().map(r -> CloudViews.of(r, lang)).toList();
        return new CloudViews.Page(items, next, c.syncToken().toString(), Instant.now());
    }

    @Post("/confirm")
    CloudViews.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return services.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<JsonNode> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                               @PathVariable long id) {
        CloudService s = services.visible(user, memberId, id);
        return HttpResponse.ok(CloudViews.of(s, Labels.of(request))).header("ETag", CloudViews.etag(s));
    }

    @Patch("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<JsonNode> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id, @Nullable @Body String body) {
        services.requireWrite(user, memberId);
        Map<String, JsonNode> patch = rules.parse(body);
        CloudService updated = services.update(user, memberId, id, patch,
                current -> ETags.requireMatch(request, CloudViews.etag(current)));
        return HttpResponse.ok(CloudViews.of(updated, Labels.of(request))).header("ETag", CloudViews.etag(updated));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        services.delete(user, memberId, id, current -> ETags.requireMatch(request, CloudViews.etag(current)));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return services.history(user, memberId, id, cursor, Cursor.limit(limit));
    }
}
