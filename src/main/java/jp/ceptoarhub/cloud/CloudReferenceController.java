package jp.ceptoarhub.cloud;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;

import java.util.List;

/** The enumerations of the cloud services inventory with labels and sources (GET /api/v1/reference/cloud-service-options). */
@Controller("/api/v1/reference/cloud-service-options")
@Secured(SecurityRule.IS_AUTHENTICATED)
class CloudReferenceController {

    @Serdeable
    record Option(String code, String label, String labelJa, String labelEn, String origin, String source) {
    }

    @Serdeable
    record OptionList(String name, String description, List<Option> options) {
    }

    @Get
    List<OptionList> options(HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        return CloudCodes.ALL.values().stream().map(l -> new OptionList(l.name(), l.descriptionEn(),
                l.codes().stream().map(c -> new Option(c.code(), c.label(lang), c.labelJa(), c.labelEn(),
                        c.origin().name(), c.source())).toList())).toList();
    }
}
