package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.caller.CurrentUser;

/** {@code POST /api/v1/users/{id}/second-factor-reset}: see {@link SecondFactorResets} for who may reset whom. */
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorController {
    private final SecondFactorResets resets;

    SecondFactorController(SecondFactorResets resets) {
        this.resets = resets;
    }

    @Post("/{id}/second-factor-reset")
    HttpResponse<?> reset(CurrentUser user, @PathVariable long id) {
        resets.reset(user, id);
        return HttpResponse.noContent();
    }
}
