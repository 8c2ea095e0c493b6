package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.SyncPage;
import jp.ceptoarhub.services.ServiceCommands.ServiceInput;

import java.net.URI;

/** The critical services of a member operator (issue 4 item 4), from its sector's 別紙2 services. */
@Controller("/api/v1/members/{memberId}/critical-services")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CriticalServiceController {
    private final RecordLifecycle<CriticalService, ServiceInput, ServiceData> services;
    private final ServiceTemplates templates;
    private final Idempotency idempotency;

    CriticalServiceController(RecordLifecycles lifecycles, CriticalServiceDescriptor descriptor,
                              ServiceTemplates templates, Idempotency idempotency) {
        this.services = lifecycles.of(descriptor);
        this.templates = templates;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body ServiceInput body) {
        services.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            CriticalService created = services.create(user, memberId, body);
            return HttpResponse.created(view(created, request),
                            URI.create("/api/v1/members/" + memberId + "/critical-services/" + created.id()))
                    .header(HttpHeaders.ETAG, services.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<CriticalServiceView> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                       @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                       @Nullable @QueryValue Integer limit) {
        return services.page(user, memberId, updatedSince, cursor, limit).map(s -> view(s, request));
    }

    /** "Confirm unchanged" of the whole area: every live critical service and system. */
    @Post("/confirm")
    CriticalServiceView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return CriticalServiceView.Confirmation.of(services.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<CriticalServiceView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                          @PathVariable long id) {
        CriticalService s = services.visible(user, memberId, id);
        return HttpResponse.ok(view(s, request)).header(HttpHeaders.ETAG, services.etag(s));
    }

    @Patch("/{id}")
    HttpResponse<CriticalServiceView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                             @PathVariable long id, @Body ServiceInput body) {
        CriticalService s = services.update(user, memberId, id, body, request);
        return HttpResponse.ok(view(s, request)).header(HttpHeaders.ETAG, services.etag(s));
    }

    /** 409 critical-service-linked while a live system supports the service. */
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

    private CriticalServiceView view(CriticalService s, HttpRequest<?> request) {
        return CriticalServiceView.of(s, templates, Labels.of(request));
    }
}
