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
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.selfassessment.AssessmentViews.SubmissionView;
import jp.ceptoarhub.selfassessment.Submission.Status;

import java.net.URI;

/**
 * A member's submission for a campaign: the member (or the secretariat on its behalf) submits a frozen snapshot of
 * its current answers; the secretariat accepts it or returns it with a comment.
 */
@Controller("/api/v1/members/{memberId}/self-assessment/campaigns/{campaignId}/submission")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmissionController {
    private final CampaignService campaigns;
    private final Idempotency idempotency;

    SubmissionController(CampaignService campaigns, Idempotency idempotency) {
        this.campaigns = campaigns;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> submit(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long campaignId) {
        campaigns.requireSubmit(user, memberId, campaignId);
        return idempotency.execute(user.tenantId(), user.subject(), request, null, () -> {
            SubmissionView view = campaigns.view(user, campaigns.submit(user, memberId, campaignId), Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId
                    + "/self-assessment/campaigns/" + campaignId + "/submission")).header("ETag", view.etag());
        });
    }

    /** The frozen snapshot of the latest round, with status and the secretariat's comment. */
    @Get
    HttpResponse<SubmissionView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                     @PathVariable long campaignId) {
        SubmissionView view = campaigns.view(user, campaigns.submission(user, memberId, campaignId),
                Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/accept")
    HttpResponse<SubmissionView> accept(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                        @PathVariable long campaignId,
                                        @Nullable @Body AssessmentCommands.ReviewInput body) {
        return review(user, request, memberId, campaignId, Status.ACCEPTED, body);
    }

    @Post("/return")
    HttpResponse<SubmissionView> giveBack(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                          @PathVariable long campaignId,
                                          @Nullable @Body AssessmentCommands.ReviewInput body) {
        return review(user, request, memberId, campaignId, Status.RETURNED, body);
    }

    @Get("/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long campaignId,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return campaigns.history(user, memberId, campaignId, cursor, Cursor.limit(limit));
    }

    private HttpResponse<SubmissionView> review(CurrentUser user, HttpRequest<?> request, long memberId,
                                                long campaignId, Status to,
                                                @Nullable AssessmentCommands.ReviewInput body) {
        Submission saved = campaigns.review(user, memberId, campaignId, to, body, current -> ETags.requireMatch(request,
                SubmissionView.etag(current.id(), current.versionOrZero())));
        SubmissionView view = campaigns.view(user, saved, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }
}
