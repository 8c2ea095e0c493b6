package jp.ceptoarhub.reference;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Labels;

import java.util.List;

/** National reference data, the same for every tenant; labels follow Accept-Language (ja default, en). */
@Controller("/api/v1/reference")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferenceController {
    private final ReferenceService reference;

    ReferenceController(ReferenceService reference) {
        this.reference = reference;
    }

    @Get("/sectors")
    List<ReferenceService.Sector> sectors(HttpRequest<?> request) {
        return reference.sectors(Labels.of(request));
    }

    @Get("/ceptoars")
    List<ReferenceService.CeptoarEntry> ceptoars(HttpRequest<?> request) {
        return reference.ceptoars(Labels.of(request));
    }

    @Get("/event-types")
    List<ReferenceService.EventType> eventTypes(HttpRequest<?> request) {
        return reference.eventTypes(Labels.of(request));
    }

    @Get("/cause-types")
    List<ReferenceService.CauseType> causeTypes(HttpRequest<?> request) {
        return reference.causeTypes(Labels.of(request));
    }

    @Get("/importance-levels")
    List<ReferenceService.Importance> importanceLevels(HttpRequest<?> request) {
        return reference.importanceLevels(Labels.of(request));
    }

    @Get("/tlp-levels")
    List<ReferenceService.Tlp> tlpLevels(HttpRequest<?> request) {
        return reference.tlpLevels(Labels.of(request));
    }
}
