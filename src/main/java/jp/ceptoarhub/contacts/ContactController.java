package jp.ceptoarhub.contacts;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.SyncCursor;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The crisis contact list / call tree of a member operator (issue 4 item 1). */
@Controller("/api/v1/members/{memberId}/contacts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContactController {
    private final ContactService contacts;
    private final Idempotency idempotency;

    ContactController(ContactService contacts, Idempotency idempotency) {
        this.contacts = contacts;
        this.idempotency = idempotency;
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Body ContactCommands.ContactInput body) {
        contacts.requireWrite(user, memberId);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            ContactView view = view(contacts.create(user, memberId, body), request);
            return HttpResponse.created(view, URI.create("/api/v1/members/" + memberId + "/contacts/" + view.id()))
                    .header("ETag", view.etag());
        });
    }

    /**
     * Without {@code updatedSince}: the live contacts. With it: every contact changed since, deleted ones as
     * tombstones. Every page carries the {@code syncToken} to send as {@code updatedSince} next time.
     */
    @Get
    ContactView.ContactPage list(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                 @Nullable @QueryValue String updatedSince, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = instant(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor);
        List<Contact> rows = contacts.page(user, memberId, c.afterId(), since, n + 1);
        Labels lang = Labels.of(request);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        List<ContactView> items = rows.stream().map(r -> ContactView.of(r, contacts.rules(), lang)).toList();
        return new ContactView.ContactPage(items, next, c.syncToken().toString(), Instant.now());
    }

    @Get("/coverage")
    ContactCoverage coverage(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId) {
        return contacts.coverage(user, memberId, Labels.of(request));
    }

    @Post("/confirm")
    ContactView.Confirmation confirm(CurrentUser user, @PathVariable long memberId) {
        return contacts.confirm(user, memberId);
    }

    @Get("/{id}")
    HttpResponse<ContactView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                  @PathVariable long id) {
        ContactView view = view(contacts.visible(user, memberId, id), request);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Patch("/{id}")
    HttpResponse<ContactView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                                     @PathVariable long id, @Body ContactCommands.ContactInput body) {
        Contact updated = contacts.update(user, memberId, id, body, current -> ETags.requireMatch(request,
                ContactView.etag(current.id(), current.versionOrZero())));
        ContactView view = view(updated, request);
        return HttpResponse.ok(view).header("ETag", view.etag());
    }

    @Delete("/{id}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @PathVariable long id) {
        contacts.delete(user, memberId, id, current -> ETags.requireMatch(request,
                ContactView.etag(current.id(), current.versionOrZero())));
        return HttpResponse.noContent();
    }

    @Get("/{id}/history")
    ContactView.HistoryPage history(CurrentUser user, @PathVariable long memberId, @PathVariable long id,
                                    @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        List<ContactChange> rows = contacts.history(user, memberId, id, Cursor.decode(cursor), n + 1);
        var page = Cursor.page(rows, n, ContactChange::id);
        return new ContactView.HistoryPage(page.items().stream().map(ch -> new ContactView.HistoryEntry(ch.seq(),
                ch.changedAt(), ch.actorSubject(), ch.actorName(), ch.changeType(), contacts.parse(ch.beforeJson()),
                contacts.parse(ch.afterJson()))).toList(), page.nextCursor());
    }

    private ContactView view(Contact c, HttpRequest<?> request) {
        return ContactView.of(c, contacts.rules(), Labels.of(request));
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw Problems.invalidField("updatedSince", "must be an ISO-8601 instant such as 2026-04-01T00:00:00Z "
                        + "(the syncToken of the previous listing)");
            }
        }
    }
}
