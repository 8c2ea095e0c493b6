package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;

/**
 * The 別紙2 critical-service templates (national reference data, the same for every tenant), from which members
 * record their critical services; labels follow Accept-Language.
 */
@Controller("/api/v1/reference/critical-service-templates")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ServiceTemplateController {
    private final ServiceTemplates templates;

    ServiceTemplateController(ServiceTemplates templates) {
        this.templates = templates;
    }

    @Get
    TemplateView.TemplateList list(HttpRequest<?> request, @Nullable @QueryValue String sectorCode) {
        String sector = ServiceRules.text(sectorCode);
        if (sector != null && !templates.sectorExists(sector)) {
            throw Problems.invalidField("sectorCode", "is not a sector code (see GET /api/v1/reference/sectors)");
        }
        return TemplateView.list(templates, sector, Labels.of(request));
    }
}
