package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.members.RecordExport;
import jp.ceptoarhub.members.RecordFreshness.RecordType;

import java.util.List;

/**
 * The member's systems in the records export: {@code records.systems}, each exactly as
 * {@code GET …/systems/{id}} shows it, by id; a system's {@code serviceIds} name the {@code id}s of
 * {@code records["critical-services"]}. The second list of the critical-services record type.
 */
@Singleton
class BusinessSystemsExport implements RecordExport {
    private final BusinessSystemRepository systems;
    private final BusinessSystemService systemService;

    BusinessSystemsExport(BusinessSystemRepository systems, BusinessSystemService systemService) {
        this.systems = systems;
        this.systemService = systemService;
    }

    @Override
    public RecordType recordType() {
        return RecordType.CRITICAL_SERVICES;
    }

    @Override
    public String code() {
        return "systems";
    }

    @Override
    public String label(Labels lang) {
        return lang.pick("システム", "Systems");
    }

    @Override
    public List<BusinessSystemView> export(long tenantId, long memberId, Labels lang) {
        return systemService.views(tenantId, systems.live(tenantId, memberId), lang);
    }
}
