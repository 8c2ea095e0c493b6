package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.selfassessment.AssessmentViews.AnswerView;
import jp.ceptoarhub.selfassessment.AssessmentViews.SubmissionView;

/**
 * The secretariat codes the free text of an answer (「その他」, unlisted): on the member's current answer (If-Match:
 * the answer's ETag) and on an answer of a pending submission (If-Match: the submission's ETag). PUT sets the
 * coding, DELETE removes it; both answer with the changed answer or submission and its new ETag.
 */
@Controller("/api/v1/members/{memberId}/self-assessment")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CodingController {
    private final AnswerCodings codings;
    private final AnswerService answers;
    private final CampaignService campaigns;
    private final AssessmentCatalogue catalogue;

    CodingController(AnswerCodings codings, AnswerService answers, CampaignService campaigns,
                     AssessmentCatalogue catalogue) {
        this.codings = codings;
        this.answers = answers;
        this.campaigns = campaigns;
        this.catalogue = catalogue;
    }

    @Put("/answers/{questionId}/coding")
    HttpResponse<AnswerView> codeAnswer(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                        @PathVariable String questionId,
                                        @Body AssessmentCommands.CodingInput body) {
        return answer(user, request, memberId, questionId, body);
    }

    @Delete("/answers/{questionId}/coding")
    HttpResponse<AnswerView> uncodeAnswer(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                          @PathVariable String questionId) {
        return answer(user, request, memberId, questionId, null);
    }

    @Put("/campaigns/{campaignId}/submission/answers/{questionId}/coding")
    HttpResponse<SubmissionView> codeSnapshot(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                              @PathVariable long campaignId, @PathVariable String questionId,
                                              @Body AssessmentCommands.CodingInput body) {
        return snapshot(user, request, memberId, campaignId, questionId, body);
    }

    @Delete("/campaigns/{campaignId}/submission/answers/{questionId}/coding")
    HttpResponse<SubmissionView> uncodeSnapshot(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                                @PathVariable long campaignId, @PathVariable String questionId) {
        return snapshot(user, request, memberId, campaignId, questionId, null);
    }

    private HttpResponse<AnswerView> answer(CurrentUser user, HttpRequest<?> request, long memberId, String questionId,
                                            @Nullable AssessmentCommands.CodingInput body) {
        Answer saved = codings.codeAnswer(user, memberId, questionId, body, current -> ETags.requireMatch(request,
                AnswerView.etag(current.id(), current.versionOrZero())));
        AnswerView view = AnswerView.of(saved, answers.optionIds(saved), catalogue, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    private HttpResponse<SubmissionView> snapshot(CurrentUser user, HttpRequest<?> request, long memberId,
                                                  long campaignId, String questionId,
                                                  @Nullable AssessmentCommands.CodingInput body) {
        Submission saved = codings.codeSnapshot(user, memberId, campaignId, questionId, body, current ->
                ETags.requireMatch(request, SubmissionView.etag(current.id(), current.versionOrZero())));
        SubmissionView view = campaigns.view(user, saved, Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }
}
