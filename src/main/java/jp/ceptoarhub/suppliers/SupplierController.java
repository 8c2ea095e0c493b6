package jp.ceptoarhub.suppliers;

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
import jp.ceptoarhub.suppliers.SupplierCommands.SupplierInput;

import java.net.URI;

/** The supply chain of a member operator: its tier-1 suppliers and contractors (issue 4 item 2). */
@Controller("/api/v1/members/{memberId}/suppliers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SupplierController {
    private final RecordLifecycle<Supplier, SupplierInput, SupplierData> suppliers;
    private final SupplierRules rules;
    private final SupplierTypes types;
    private final Idempotency idempotency;

    SupplierController(RecordLifecycles lifecycles, SupplierDescriptor descriptor, SupplierRules rules,
                       SupplierTypes types, Idempotency idempotency) {
        this.suppliers = lifecycles.of(descriptor);
        this.rules = rules;
        this.types = types;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body SupplierInput body) {
        suppliers.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            Supplier created = suppliers.create(user, memberId, body);
            return HttpResponse.created(view(created, request),
                            URI.create("/api/v1/members/" + memberId + "/suppliers/" + created.id()))
                    .header(HttpHeaders.ETAG, suppliers.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<SupplierView> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                @Nullable @QueryValue Integer limit) {
        return suppliers.page(user, memberId, updatedSince, cursor, limit).map(s -> view(s, request));
    }

    @Post("/confirm")
    SupplierView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return SupplierView.Confirmation.of(suppliers.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<SupplierView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                   @PathVariable long id) {
        Supplier s = suppliers.visible(user, memberId, id);
        return HttpResponse.ok(view(s, request)).header(HttpHeaders.ETAG, suppliers.etag(s));
    }

    @Patch("/{id}")
    HttpResponse<SupplierView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                      @PathVariable long id, @Body SupplierInput body) {
        Supplier s = suppliers.update(user, memberId, id, body, request);
        return HttpResponse.ok(view(s, request)).header(HttpHeaders.ETAG, suppliers.etag(s));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        suppliers.delete(user, memberId, id, request);
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return suppliers.history(user, memberId, id, cursor, limit);
    }

    private SupplierView view(Supplier s, HttpRequest<?> request) {
        return SupplierView.of(s, rules, types, Labels.of(request));
    }
}
