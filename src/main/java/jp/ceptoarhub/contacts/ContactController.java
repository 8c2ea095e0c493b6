package jp.ceptoarhub.contacts;

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
import jp.ceptoarhub.contacts.ContactCommands.ContactInput;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.SyncPage;

import java.net.URI;

/** The crisis contact list / call tree of a member operator (issue 4 item 1). */
@Controller("/api/v1/members/{memberId}/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContactController {
    private final RecordLifecycle<Contact, ContactInput, ContactData> contacts;
    private final ContactRules rules;
    private final Idempotency idempotency;

    ContactController(RecordLifecycles lifecycles, ContactDescriptor descriptor, ContactRules rules,
                      Idempotency idempotency) {
        this.contacts = lifecycles.of(descriptor);
        this.rules = rules;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body ContactInput body) {
        contacts.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            Contact created = contacts.create(user, memberId, body);
            return HttpResponse.created(view(created, request),
                            URI.create("/api/v1/members/" + memberId + "/contacts/" + created.id()))
                    .header(HttpHeaders.ETAG, contacts.etag(created));
        });
    }

    /** Delta sync: see {@link RecordLifecycle#page}. */
    @Get
    SyncPage<ContactView> list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                               @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                               @Nullable @QueryValue Integer limit) {
        return contacts.page(user, memberId, updatedSince, cursor, limit).map(c -> view(c, request));
    }

    @Get("/coverage")
    ContactCoverage coverage(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId) {
        RecordLifecycle.MemberState<Contact> state = contacts.state(user, memberId);
        return ContactCoverage.of(memberId, state.live(), rules, Labels.of(request), state.lastChangedAt(),
                state.lastConfirmedAt());
    }

    @Post("/confirm")
    ContactView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return ContactView.Confirmation.of(contacts.confirm(user, memberId));
    }

    @Get("/{id}")
    HttpResponse<ContactView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id) {
        Contact c = contacts.visible(user, memberId, id);
        return HttpResponse.ok(view(c, request)).header(HttpHeaders.ETAG, contacts.etag(c));
    }

    @Patch("/{id}")
    HttpResponse<ContactView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                     @PathVariable long id, @Body ContactInput body) {
        Contact c = contacts.update(user, memberId, id, body, request);
        return HttpResponse.ok(view(c, request)).header(HttpHeaders.ETAG, contacts.etag(c));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        contacts.delete(user, memberId, id, request);
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    RecordHistory.Page history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                               @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return contacts.history(user, memberId, id, cursor, limit);
    }

    private ContactView view(Contact c, HttpRequest<?> request) {
        return ContactView.of(c, rules, Labels.of(request));
    }
}
