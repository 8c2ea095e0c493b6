package jp.ceptoarhub.national;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;

import java.time.Instant;

/** A CEPTOAR's secretariat decides whether its members' data contributes to the national summaries. */
@Controller("/api/v1/national-contribution")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContributionController {
    private final Contributions contributions;

    ContributionController(Contributions contributions) {
        this.contributions = contributions;
    }

    @Serdeable
    record ContributionInput(@Nullable Boolean contributes) {
    }

    @Serdeable
    record ContributionView(boolean contributes, @Nullable String updatedBy, @Nullable Instant updatedAt) {
        static ContributionView of(Contributions.Contribution c) {
            return new ContributionView(c.contributes(), c.updatedBy(), c.updatedAt());
        }
    }

    @Get
    HttpResponse<ContributionView> get(CurrentUser user) {
        Contributions.Contribution c = contributions.get(user);
        return HttpResponse.ok(ContributionView.of(c)).header("ETag", c.etag(user.tenantId()));
    }

    /** If-Match with the setting's ETag (428 without, 412 when stale). */
    @Put
    HttpResponse<ContributionView> set(CurrentUser user, HttpRequest<?> request,
                                                 @Body ContributionInput body) {
        if (body == null || body.contributes() == null) {
            throw Problems.invalidField("contributes", "is required (true or false)");
        }
        Contributions.Contribution c = contributions.set(user, body.contributes(),
                current -> ETags.requireMatch(request, current.etag(user.tenantId())));
        return HttpResponse.ok(ContributionView.of(c)).header("ETag", c.etag(user.tenantId()));
    }
}
