package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.caller.CurrentUser;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Self-assessment campaigns of a CEPTOAR's secretariat, with every member's progress. */
@Controller("/api/v1/self-assessment/campaigns")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CampaignController {
    private final CampaignService campaigns;
    private final Idempotency idempotency;

    private final Clock clock;

    CampaignController(CampaignService campaigns, Idempotency idempotency, Clock clock) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @Body AssessmentCommands.CampaignInput body) {
        campaigns.requireCampaignCreate(user);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            AssessmentViews.CampaignView view = AssessmentViews.CampaignView.of(campaigns.create(user, body),
                    ClockFactory.today(clock));
            return HttpResponse.created(view, URI.create("/api/v1/self-assessment/campaigns/" + view.id()));
        });
    }

    /** Newest first. */
    @Get
    AssessmentViews.CampaignPage list(CurrentUser user, @Nullable @QueryValue String cursor,
                                      @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        List<Campaign> rows = campaigns.page(user, Cursor.decode(cursor), n + 1);
        var page = Cursor.page(rows, n, Campaign::id);
        LocalDate today = ClockFactory.today(clock);
        return new AssessmentViews.CampaignPage(page.items().stream()
                .map(c -> AssessmentViews.CampaignView.of(c, today)).toList(), page.nextCursor());
    }

    @Get("/{id}")
    AssessmentViews.CampaignDetail get(CurrentUser user, @PathVariable long id) {
        return campaigns.detail(user, id);
    }
}
