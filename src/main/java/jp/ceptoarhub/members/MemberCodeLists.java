package jp.ceptoarhub.members;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.Affiliation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Member attributes, the roles a tenant's users can be given, and a user's affiliation (staff / contractor). */
@Singleton
class MemberCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        return Map.of(
                "EmployeeBand", Arrays.stream(EmployeeBand.values())
                        .map(b -> CodeLists.entry(b.code(), b.labelJa(), b.labelEn())).toList(),
                "CapitalBand", Arrays.stream(CapitalBand.values())
                        .map(b -> CodeLists.entry(b.code(), b.labelJa(), b.labelEn())).toList(),
                "MembershipKind", Arrays.stream(MembershipKind.values())
                        .map(k -> CodeLists.entry(k.name(), k.label(Labels.JA), k.label(Labels.EN))).toList(),
                "FreshnessStatus", Labelled.all(FreshnessService.Status.class),
                "TenantRoleCode", Arrays.stream(Role.values()).filter(r -> !r.national())
                        .map(r -> CodeLists.entry(r.code(), r.label(Labels.JA), r.label(Labels.EN))).toList(),
                "NationalRoleCode", UserAdminService.NATIONAL_ROLES.stream().sorted()
                        .map(r -> CodeLists.entry(r.code(), r.label(Labels.JA), r.label(Labels.EN))).toList(),
                "Affiliation", Labelled.all(Affiliation.class));
    }
}
