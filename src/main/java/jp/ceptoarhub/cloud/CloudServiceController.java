package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.SyncPage;

import java.net.URI;
import java.util.Map;

/**
 * The cloud services inventory of a member operator (issue 4 item 3). Bodies are read as raw JSON ({@link
 * CloudRules#parse}) so that every unknown or mistyped field is a 400 naming it.
 */
@Controller("/api/v1/members/{memberId}/cloud-services")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CloudServiceController {
    private final RecordLifecycle<CloudService, Map<String, JsonNode>, Map<String, JsonNode>> services;
    private final CloudRules rules;
    private final Idempotency idempotency;

    CloudServiceController(RecordLifecycles lifecycles, CloudDescriptor descriptor, CloudRules rules,
                           Idempotency idempotency) {
        this.services = lifecycles.of(descriptor);
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
            CloudService created = services.create(user, memberId, input);
            return HttpResponse.created(CloudViews.of(created, Labels.of(request)),
                            URI.create("/api/v1/members/" + memberId + "/cloud-services/" + created.id()))
                    .header(HttpHeaders.ETAG, services.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<JsonNode> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                            @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                            @Nullable @QueryValue Integer limit) {
        Labels lang = Labels.of(request);
        return services.page(user, memberId, updatedSince, cursor, limit).map(s -> CloudViews.of(s, lang));
    }

    @Post("/confirm")
    CloudViews.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return CloudViews.Confirmation.of(services.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<JsonNode> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                               @PathVariable long id) {
        CloudService s = services.visible(user, memberId, id);
        return HttpResponse.ok(CloudViews.of(s, Labels.of(request))).header(HttpHeaders.ETAG, services.etag(s));
    }

    @Patch("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<JsonNode> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id, @Nullable @Body String body) {
        services.requireWrite(user, memberId);
        CloudService s = services.update(user, memberId, id, rules.parse(body), request);
        return HttpResponse.ok(CloudViews.of(s, Labels.of(request))).header(HttpHeaders.ETAG, services.etag(s));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        services.delete(user, memberId, id, request);
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return services.history(user, memberId, id, cursor, limit);
    }
}
