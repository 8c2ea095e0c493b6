package jp.ceptoarhub.selfassessment;

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
 * The readiness questionnaire catalogue (reference data, the same for every tenant; ja/en by Accept-Language).
 * Readable by every authenticated user, national users included (national summaries are computed on it).
 */
@Controller("/api/v1/self-assessment/catalogue")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogueController {
    private final AssessmentCatalogue catalogue;

    CatalogueController(AssessmentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    AssessmentViews.CatalogueView get(CurrentUser user, HttpRequest<?> request) {
        return AssessmentViews.CatalogueView.of(catalogue, Labels.of(request));
    }
}
