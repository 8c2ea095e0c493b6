package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import jp.ceptoarhub.api.Page;
import jp.ceptoarhub.caller.CurrentUser;

import java.net.URI;
import java.util.List;

/** Member operators of the caller's CEPTOAR (issue 3). */
@Controller("/api/v1/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberController {
    private final MemberService members;
    private final Idempotency idempotency;

    MemberController(MemberService members, Idempotency idempotency) {
        this.members = members;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @Body MemberCommands.MemberInput body) {
        MemberService.requireSecretariat(user);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            MemberView view = MemberView.of(members.add(user, body), Labels.of(request), true);
            return HttpResponse.created(view, URI.create("/api/v1/members/" + view.id())).header("ETag", view.etag());
        });
    }

    @Get
    Page<MemberView> list(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String q,
                          @Nullable @QueryValue String sectorCode, @Nullable @QueryValue String membershipKind,
                          @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Labels lang = Labels.of(request);
        List<MemberView> rows = members.search(user, Cursor.decode(cursor), n + 1, q, sectorCode, membershipKind)
                .stream().map(m -> MemberView.of(m, lang, user.secretariat())).toList();
        return Cursor.page(rows, n, MemberView::id);
    }

    @Get("/{id}")
    HttpResponse<MemberView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        MemberView view = MemberView.of(members.visible(user, id), Labels.of(request), user.secretariat());
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<MemberView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                    @Body MemberCommands.MemberInput body) {
        MemberOperator updated = members.update(user, id, body, current -> ETags.requireMatch(request,
                MemberView.etag(current.id(), current.version() == null ? 0 : current.version())));
        MemberView view = MemberView.of(updated, Labels.of(request), true);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/suspend")
    MutableHttpResponse<MemberView> suspend(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                            @Nullable @Body MemberCommands.Suspend body) {
        MemberView view = MemberView.of(members.suspend(user, id, body == null ? null : body.reason()),
                Labels.of(request), true);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/reinstate")
    MutableHttpResponse<MemberView> reinstate(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        MemberView view = MemberView.of(members.reinstate(user, id), Labels.of(request), true);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }
}
