package jp.ceptoarhub.selfassessment;

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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.SyncCursor;
import jp.ceptoarhub.selfassessment.AssessmentViews.AnswerView;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A member operator's current self-assessment answers (issue 4 item 6): one answer per catalogue question, kept
 * current from phone or web, with delta sync (tombstones for cleared answers), history and "confirm unchanged".
 * A question id in the path that the catalogue does not have is 404.
 */
@Controller("/api/v1/members/{memberId}/self-assessment")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AnswerController {
    private final AnswerService answers;
    private final AnswerPrefills prefills;
    private final AssessmentCatalogue catalogue;
    private final Clock clock;

    AnswerController(AnswerService answers, AnswerPrefills prefills, AssessmentCatalogue catalogue, Clock clock) {
        this.answers = answers;
        this.prefills = prefills;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Without {@code updatedSince}: the live answers (and the answer set's ETag). With it: every answer changed
     * since, cleared ones as tombstones. Every page carries the {@code syncToken} to send next time.
     */
    @Get("/answers")
    HttpResponse<AssessmentViews.AnswerPage> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                                  @Nullable @QueryValue String updatedSince,
                                                  @Nullable @QueryValue String cursor,
                                                  @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor, clock);
        long revision = answers.revision(user, memberId);
        List<Answer> rows = answers.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<AnswerView> items = rows.stream().map(a -> view(a, lang)).toList();
        return HttpResponse.ok(new AssessmentViews.AnswerPage(items, next, c.syncToken().toString(), clock.instant(),
                catalogue.questions().size())).header("ETag", AnswerSets.etag(memberId, revision));
    }

    /** Batch of answers for the web form: all or nothing. */
    @Patch("/answers")
    HttpResponse<AssessmentViews.BatchResult> batch(CurrentUser user, HttpRequest<?> request,
                                                    @PathVariable long memberId,
                                                    @Body AssessmentCommands.BatchInput body) {
        String ifMatch = request.getHeaders().get("If-Match");
        AnswerService.Batch result = answers.batch(user, memberId, body, ifMatch == null || ifMatch.isBlank() ? null
                : current -> ETags.requireMatch(request, current));
        Labels lang = Labels.of(request);
        String etag = AnswerSets.etag(memberId, result.revision());
        return HttpResponse.ok(new AssessmentViews.BatchResult(result.answers().stream().map(a -> view(a, lang))
                .toList(), result.changed(), etag)).header("ETag", etag);
    }

    /** Answers derived from the member's continuity plans (設問27, 設問28), for the member to confirm. */
    @Get("/prefills")
    AssessmentViews.PrefillList prefills(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId) {
        return new AssessmentViews.PrefillList(prefills.of(user, memberId, Labels.of(request)));
    }

    @Get("/answers/{questionId}")
    HttpResponse<AnswerView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                 @PathVariable String questionId) {
        AnswerView view = view(answers.visible(user, memberId, questionId), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Put("/answers/{questionId}")
    HttpResponse<AnswerView> put(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                 @PathVariable String questionId, @Body AssessmentCommands.AnswerInput body) {
        AnswerService.Put result = answers.put(user, memberId, questionId, body, request.getHeaders().get("If-Match"),
                request.getHeaders().get("If-None-Match"), current -> ETags.requireMatch(request,
                        AnswerView.etag(current.id(), current.versionOrZero())));
        AnswerView view = view(result.answer(), Labels.of(request));
        if (result.created()) {
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/self-assessment/answers/"
                    + view.questionId())).header("ETag", view.etag());
        }
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/answers/{questionId}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable String questionId) {
        answers.delete(user, memberId, questionId, current -> ETags.requireMatch(request,
                AnswerView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/answers/{questionId}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable String questionId,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return answers.history(user, memberId, questionId, cursor, Cursor.limit(limit));
    }

    @Post("/confirm")
    AssessmentViews.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return answers.confirm(user, memberId);
    }

    private AnswerView view(Answer a, Labels lang) {
        return AnswerView.of(a, a.deleted() ? List.of() : answers.optionIds(a), catalogue, lang);
    }
}
