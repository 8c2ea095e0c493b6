package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.reference.ReferenceService;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The national tier's organisations and the sectors of each ministry, for every signed-in user (decisions §3). */
@Controller("/api/v1/national-organisations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NationalOrganisationController {
    private final NationalOrganisations organisations;
    private final ReferenceService reference;

    NationalOrganisationController(NationalOrganisations organisations, ReferenceService reference) {
        this.organisations = organisations;
        this.reference = reference;
    }

    @Serdeable
    record SectorRef(String code, String label) {
    }

    @Serdeable
    record OrganisationView(long id, String code, String kind, String name, String nameJa, String nameEn,
                            List<SectorRef> sectors) {
    }

    @Get
    List<OrganisationView> list(HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        Map<String, String> sectorLabels = reference.sectors(lang).stream()
                .collect(Collectors.toMap(ReferenceService.Sector::code, ReferenceService.Sector::label));
        Function<String, SectorRef> sector = code -> new SectorRef(code, sectorLabels.getOrDefault(code, code));
        return organisations.all().stream().map(o -> new OrganisationView(o.id(), o.code(), o.kind().name(),
                o.name(lang), o.nameJa(), o.nameEn(), o.sectorCodes().stream().map(sector).toList())).toList();
    }
}
