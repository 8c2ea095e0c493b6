package jp.ceptoarhub.national;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.CsvNegotiation;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Releases of the national summaries: publish (NISC analysts), list and read as JSON or CSV (NISC analysts, the NISC
 * system client, platform admins), and the audit rendering with reason codes (platform admins).
 */
@Controller("/api/v1/national/releases")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NationalReleaseController {
    private final NationalReleases releases;
    private final Idempotency idempotency;

    NationalReleaseController(NationalReleases releases, Idempotency idempotency) {
        this.releases = releases;
        this.idempotency = idempotency;
    }

    @Serdeable
    record ReleaseInput(@Nullable String referenceDate) {
    }

    @Serdeable
    record ReleaseView(long id, LocalDate referenceDate, String algorithmVersion, int ceptoars, int respondents,
                       int suppressedCells, @Nullable String createdBy, Instant createdAt) {
        static ReleaseView of(NationalReleaseStore.Summary s) {
            return new ReleaseView(s.id(), s.referenceDate(), s.algorithmVersion(), s.ceptoars(), s.respondents(),
                    s.suppressedCells(), s.createdBy(), s.createdAt());
        }
    }

    @Serdeable
    record ReleasePage(List<ReleaseView> items, @Nullable String nextCursor) {
    }

    @Post
    HttpResponse<?> publish(CurrentUser user, HttpRequest<?> request, @Body ReleaseInput body) {
        NationalReleases.requirePublisher(user);
        LocalDate referenceDate = referenceDate(body);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            ReleaseView view = ReleaseView.of(releases.publish(user, referenceDate));
            return HttpResponse.created(view, URI.create("/api/v1/national/releases/" + view.id()));
        });
    }

    /** Newest first. */
    @Get
    ReleasePage list(CurrentUser user, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        var page = Cursor.page(releases.page(user, Cursor.decode(cursor), n + 1), n,
                NationalReleaseStore.Summary::id);
        return new ReleasePage(page.items().stream().map(ReleaseView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    ReleaseView get(CurrentUser user, @PathVariable long id) {
        return ReleaseView.of(releases.summary(user, id));
    }

    /** The published figures: JSON by default, CSV (UTF-8 with BOM) with {@code Accept: text/csv} or format=csv. */
    @Get("/{id}/summaries")
    @Produces({MediaType.APPLICATION_JSON, CsvNegotiation.CSV})
    HttpResponse<?> summaries(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                              @Nullable @QueryValue String format) {
        boolean csv = CsvNegotiation.wantsCsv(request, format);
        if (csv) {
            return HttpResponse.ok(releases.document(user, id, NationalReleaseStore.Document.CSV))
                    .contentType(MediaType.of(CsvNegotiation.CSV + ";charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"national-summaries-" + id + ".csv\"");
        }
        return HttpResponse.ok(releases.document(user, id, NationalReleaseStore.Document.JSON))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Parameters, reason codes, escalations and audit statistics: platform admins only. */
    @Get("/{id}/audit")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> audit(CurrentUser user, @PathVariable long id) {
        return HttpResponse.ok(releases.document(user, id, NationalReleaseStore.Document.AUDIT))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static LocalDate referenceDate(@Nullable ReleaseInput body) {
        if (body == null || body.referenceDate() == null || body.referenceDate().isBlank()) {
            throw Problems.invalidField("referenceDate", "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(body.referenceDate());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("referenceDate", "must be a date (YYYY-MM-DD)");
        }
    }
}
