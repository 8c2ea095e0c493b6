package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/**
 * The member's systems in the records export: {@code records.systems}, each exactly as
 * {@code GET …/systems/{id}} shows it, by id; a system's {@code serviceIds} name the {@code id}s of
 * {@code records["critical-services"]}. The second list of the critical-services record type.
 */
@Singleton
class BusinessSystemsExport implements RecordExport {
    private final BusinessSystemRepository systems;
    private final SystemViews views;

    BusinessSystemsExport(BusinessSystemRepository systems, SystemViews views) {
        this.systems = systems;
        this.views = views;
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
        return views.of(tenantId, systems.live(tenantId, memberId), lang);
    }
}
