package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A member operator's full readiness record set as JSON or .xlsx ({@code ?format=xlsx} or an Accept header naming
 * the spreadsheet type). Readable by the member's own users and its secretariat.
 */
@Controller("/api/v1/members/{memberId}/records-export")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberExportController {
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private final MemberExportService exports;

    MemberExportController(MemberExportService exports) {
        this.exports = exports;
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, MemberExportService.XLSX})
    HttpResponse<?> export(CurrentUser user, HttpRequest<?> request, @PathVariable long memberId,
                           @Nullable @QueryValue String format) {
        if (format != null && !format.equals("json") && !format.equals("xlsx")) {
            throw Problems.invalidField("format", "must be json or xlsx");
        }
        boolean xlsx = "xlsx".equals(format) || format == null && request.getHeaders().accept().stream()
                .anyMatch(m -> m.getName().equals(MemberExportService.XLSX));
        Labels lang = Labels.of(request);
        JsonNode export = exports.export(user, memberId, lang, xlsx ? "xlsx" : "json");
        String name = "member-" + memberId + "-records-" + LocalDate.now(JST);
        if (xlsx) {
            return HttpResponse.ok(exports.xlsx(export, lang))
                    .contentType(MediaType.of(MemberExportService.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return HttpResponse.ok(export).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
