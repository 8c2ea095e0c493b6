package jp.ceptoarhub.continuity;

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
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.continuity.PlanCommands.PlanInput;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.SyncPage;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

/** The continuity plans (contingency plan, BCP, IT-BCP, 事業復旧計画) of a member operator (issue 4 item 5). */
@Controller("/api/v1/members/{memberId}/continuity-plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanController {
    private final RecordLifecycle<ContinuityPlan, PlanInput, PlanData> plans;
    private final Idempotency idempotency;
    private final Clock clock;

    PlanController(RecordLifecycles lifecycles, PlanDescriptor descriptor, Idempotency idempotency, Clock clock) {
        this.plans = lifecycles.of(descriptor);
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body PlanInput body) {
        plans.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            ContinuityPlan created = plans.create(user, memberId, body);
            return HttpResponse.created(view(created, request),
                            URI.create("/api/v1/members/" + memberId + "/continuity-plans/" + created.id()))
                    .header(HttpHeaders.ETAG, plans.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<PlanView> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                            @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                            @Nullable @QueryValue Integer limit) {
        LocalDate today = ClockFactory.today(clock);
        Labels lang = Labels.of(request);
        return plans.page(user, memberId, updatedSince, cursor, limit).map(p -> PlanView.of(p, today, lang));
    }

    @Post("/confirm")
    PlanView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return PlanView.Confirmation.of(plans.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<PlanView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                               @PathVariable long id) {
        ContinuityPlan p = plans.visible(user, memberId, id);
        return HttpResponse.ok(view(p, request)).header(HttpHeaders.ETAG, plans.etag(p));
    }

    @Patch("/{id}")
    HttpResponse<PlanView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id, @Body PlanInput body) {
        ContinuityPlan p = plans.update(user, memberId, id, body, request);
        return HttpResponse.ok(view(p, request)).header(HttpHeaders.ETAG, plans.etag(p));
    }

    /** 409 continuity-plan-linked while an IT-BCP escalates to the BCP. */
    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        plans.delete(user, memberId, id, request);
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return plans.history(user, memberId, id, cursor, limit);
    }

    private PlanView view(ContinuityPlan p, HttpRequest<?> request) {
        return PlanView.of(p, ClockFactory.today(clock), Labels.of(request));
    }
}
