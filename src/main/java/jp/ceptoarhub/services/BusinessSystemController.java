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
import jp.ceptoarhub.services.ServiceCommands.SystemInput;

import java.net.URI;

/** The systems of a member operator (IT, control systems / OT, IoT) that support its critical services. */
@Controller("/api/v1/members/{memberId}/systems")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class BusinessSystemController {
    private final RecordLifecycle<BusinessSystem, SystemInput, SystemData> systems;
    private final RecordLifecycle<CriticalService, ServiceInput, ServiceData> services;
    private final SystemViews views;
    private final Idempotency idempotency;

    BusinessSystemController(RecordLifecycles lifecycles, SystemDescriptor systems,
                             CriticalServiceDescriptor services, SystemViews views, Idempotency idempotency) {
        this.systems = lifecycles.of(systems);
        this.services = lifecycles.of(services);
        this.views = views;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body SystemInput body) {
        systems.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            BusinessSystem created = systems.create(user, memberId, body);
            return HttpResponse.created(views.of(created, Labels.of(request)),
                            URI.create("/api/v1/members/" + memberId + "/systems/" + created.id()))
                    .header(HttpHeaders.ETAG, systems.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<BusinessSystemView> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                      @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                      @Nullable @QueryValue Integer limit) {
        SyncPage<BusinessSystem> page = systems.page(user, memberId, updatedSince, cursor, limit);
        return page.views(views.of(user.tenantId(), page.items(), Labels.of(request)));
    }

    /** The same "confirm unchanged" as POST /critical-services/confirm: one confirmation for the area. */
    @Post("/confirm")
    CriticalServiceView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return CriticalServiceView.Confirmation.of(services.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<BusinessSystemView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                         @PathVariable long id) {
        BusinessSystem s = systems.visible(user, memberId, id);
        return HttpResponse.ok(views.of(s, Labels.of(request))).header(HttpHeaders.ETAG, systems.etag(s));
    }

    @Patch("/{id}")
    HttpResponse<BusinessSystemView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                            @PathVariable long id, @Body SystemInput body) {
        BusinessSystem s = systems.update(user, memberId, id, body, request);
        return HttpResponse.ok(views.of(s, Labels.of(request))).header(HttpHeaders.ETAG, systems.etag(s));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        systems.delete(user, memberId, id, request);
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return systems.history(user, memberId, id, cursor, limit);
    }
}
