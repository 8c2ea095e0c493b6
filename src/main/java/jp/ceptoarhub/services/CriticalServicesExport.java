package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * The member's critical services and systems in the records export (record type {@code critical-services}): one
 * list, services first (by id), then systems (by id). Each row has {@code recordKind} (CRITICAL_SERVICE or
 * BUSINESS_SYSTEM, with a label) and exactly one of {@code service} / {@code system}, the same views GET returns.
 * In .xlsx that is one sheet whose first column tells the kind and whose {@code service.*} or {@code system.*}
 * columns are filled; a system's {@code system.serviceIds} name the {@code service.id} of the rows above.
 */
@Singleton
class CriticalServicesExport implements RecordExport {
    private final CriticalServiceRepository services;
    private final BusinessSystemRepository systems;
    private final SystemViews systemViews;
    private final ServiceTemplates templates;

    CriticalServicesExport(CriticalServiceRepository services, BusinessSystemRepository systems,
                           SystemViews systemViews, ServiceTemplates templates) {
        this.services = services;
        this.systems = systems;
        this.systemViews = systemViews;
        this.templates = templates;
    }

    @Serdeable
    record Row(String recordKind, String recordKindLabel, @Nullable CriticalServiceView service,
               @Nullable BusinessSystemView system) {
    }

    @Override
    public RecordType recordType() {
        return RecordType.CRITICAL_SERVICES;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        List<Row> rows = new ArrayList<>();
        String serviceLabel = lang.pick("重要インフラサービス", "Critical service");
        String systemLabel = lang.pick("システム", "System");
        for (CriticalService s : services.live(tenantId, memberId)) {
            rows.add(new Row("CRITICAL_SERVICE", serviceLabel, CriticalServiceView.of(s, templates, lang), null));
        }
        for (BusinessSystemView v : systemViews.of(tenantId, systems.live(tenantId, memberId), lang)) {
            rows.add(new Row("BUSINESS_SYSTEM", systemLabel, null, v));
        }
        return rows;
    }
}
