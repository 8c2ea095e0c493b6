package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;

/**
 * One member's freshness per record type, under the dashboard's rules: what its operators should look at first
 * (their console's home page). Operators see only their own member; the secretariat any member of its tenant.
 */
@Controller("/api/v1/members/{memberId}/freshness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberFreshnessController {
    private final FreshnessService freshness;

    MemberFreshnessController(FreshnessService freshness) {
        this.freshness = freshness;
    }

    @Get
    FreshnessService.MemberFreshness member(CurrentUser user, HttpRequest<?> request, long memberId) {
        return freshness.member(user, Labels.of(request), memberId);
    }
}
