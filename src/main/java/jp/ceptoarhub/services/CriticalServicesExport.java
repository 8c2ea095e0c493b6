package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/**
 * The member's critical services in the records export: {@code records["critical-services"]}, each exactly as
 * {@code GET …/critical-services/{id}} shows it, by id. Its systems are the type's second list,
 * {@link BusinessSystemsExport}.
 */
@Singleton
class CriticalServicesExport implements RecordExport {
    private final CriticalServiceRepository services;
    private final ServiceTemplates templates;

    CriticalServicesExport(CriticalServiceRepository services, ServiceTemplates templates) {
        this.services = services;
        this.templates = templates;
    }

    @Override
    public RecordType recordType() {
        return RecordType.CRITICAL_SERVICES;
    }

    @Override
    public String label(Labels lang) {
        return lang.pick("重要サービス", "Critical services");
    }

    @Override
    public List<CriticalServiceView> export(long tenantId, long memberId, Labels lang) {
        return services.live(tenantId, memberId).stream().map(s -> CriticalServiceView.of(s, templates, lang))
                .toList();
    }
}
