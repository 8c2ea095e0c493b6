package jp.ceptoarhub.members;

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
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Page;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.Invitation;
import jp.ceptoarhub.tenancy.NationalOrganisations;

import java.net.URI;
import java.util.List;

/** Users of the caller's CEPTOAR: invitations, disable / enable, role changes, removal (issue 3). */
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {
    private final UserAdminService users;
    private final Idempotency idempotency;
    private final NationalOrganisations nationalOrganisations;

    UserAdminController(UserAdminService users, Idempotency idempotency, NationalOrganisations nationalOrganisations) {
        this.users = users;
        this.idempotency = idempotency;
        this.nationalOrganisations = nationalOrganisations;
    }

    @Post
    HttpResponse<?> invite(CurrentUser user, HttpRequest<?> request, @Body UserCommands.InviteUser body) {
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            Invitation invitation = users.invite(user, body);
            return HttpResponse.created(invitation, URI.create("/api/v1/users/" + invitation.userId()));
        });
    }

    @Get
    Page<UserView> list(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue Long memberOperatorId,
                        @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Labels lang = Labels.of(request);
        List<UserView> rows = users.list(user, memberOperatorId, Cursor.decode(cursor), n + 1).stream()
                .map(u -> view(u, lang)).toList();
        return Cursor.page(rows, n, UserView::id);
    }

    @Get("/{id}")
    HttpResponse<UserView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        UserView view = view(users.get(user, id), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<UserView> changeRole(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                      @Body UserCommands.ChangeRole body) {
        UserView view = view(users.changeRole(user, id, body, current -> ETags.requireMatch(request,
                UserView.etag(current.id(), current.version() == null ? 0 : current.version()))), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/disable")
    HttpResponse<UserView> disable(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        UserView view = view(users.setEnabled(user, id, false), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Post("/{id}/enable")
    HttpResponse<UserView> enable(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        UserView view = view(users.setEnabled(user, id, true), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Put("/{id}/affiliation")
    HttpResponse<UserView> setAffiliation(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                          @Body UserCommands.SetAffiliation body) {
        UserView view = view(users.setAffiliation(user, id, body, current -> ETags.requireMatch(request,
                UserView.etag(current.id(), current.version() == null ? 0 : current.version()))), Labels.of(request));
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    private UserView view(AppUser u, Labels lang) {
        String organisation = u.nationalOrganisationId() == null ? null
                : nationalOrganisations.find(u.nationalOrganisationId()).map(o -> o.code()).orElse(null);
        return UserView.of(u, lang, organisation);
    }

    @Delete("/{id}")
    HttpResponse<?> remove(CurrentUser user, @PathVariable long id) {
        users.remove(user, id);
        return HttpResponse.noContent();
    }
}
