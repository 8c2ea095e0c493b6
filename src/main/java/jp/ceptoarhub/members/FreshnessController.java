package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.CsvNegotiation;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;

/** The secretariat's freshness dashboard, as JSON or CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
@Controller("/api/v1/members/freshness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FreshnessController {
    private final FreshnessService freshness;

    FreshnessController(FreshnessService freshness) {
        this.freshness = freshness;
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, CsvNegotiation.CSV})
    HttpResponse<?> dashboard(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String status,
                              @Nullable @QueryValue String recordType, @Nullable @QueryValue String sectorCode,
                              @Nullable @QueryValue String membershipKind, @Nullable @QueryValue String q,
                              @Nullable @QueryValue String sort, @Nullable @QueryValue String format) {
        FreshnessService.Dashboard d = freshness.dashboard(user, Labels.of(request),
                new FreshnessService.Query(status, recordType, sectorCode, membershipKind, q, sort));
        boolean csv = CsvNegotiation.wantsCsv(request, format);
        if (csv) {
            return HttpResponse.ok(FreshnessService.csv(d))
                    .contentType(MediaType.of(CsvNegotiation.CSV + ";charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"member-freshness.csv\"");
        }
        return HttpResponse.ok(d).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
