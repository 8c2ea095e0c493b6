package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;

import java.util.List;
import java.util.Map;

/** Views of a tenant's systems with their links, read in one query per link table for a whole page. */
@Singleton
class SystemViews {
    private final SystemLinkRepository links;

    SystemViews(SystemLinkRepository links) {
        this.links = links;
    }

    List<BusinessSystemView> of(long tenantId, List<BusinessSystem> rows, Labels lang) {
        List<Long> live = rows.stream().filter(s -> !s.deleted()).map(BusinessSystem::id).toList();
        Map<Long, List<Long>> serviceIds = links.serviceIds(tenantId, live);
        Map<Long, List<Long>> supplierIds = links.supplierIds(tenantId, live);
        return rows.stream().map(s -> BusinessSystemView.of(s, serviceIds.getOrDefault(s.id(), List.of()),
                supplierIds.getOrDefault(s.id(), List.of()), lang)).toList();
    }

    BusinessSystemView of(BusinessSystem s, Labels lang) {
        return of(s.tenantId(), List.of(s), lang).getFirst();
    }
}
