package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;

import java.util.List;

/**
 * The supplier types as national reference data (the same for every tenant), from
 * reference-data/service-maintenance-levels.json; labels follow Accept-Language.
 */
@Controller("/api/v1/reference/supplier-types")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SupplierTypeController {
    private final SupplierTypes types;

    SupplierTypeController(SupplierTypes types) {
        this.types = types;
    }

    @Serdeable
    record SupplierTypeEntry(String code, String label, String nameJa, String nameEn, @Nullable String definition,
                             @Nullable String category, @Nullable String source) {
    }

    @Get
    List<SupplierTypeEntry> list(HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        return types.all().stream().map(t -> new SupplierTypeEntry(t.code(), t.label(lang), t.labelJa(), t.labelEn(),
                t.definitionJa() == null ? t.definitionEn() : lang.pick(t.definitionJa(), t.definitionEn()),
                t.category(), t.sourceLines())).toList();
    }
}
