package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.RecordLinks;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How other record types link to critical services and systems, and how systems link to suppliers
 * ({@link RecordLinks}). Targets: record type {@code critical-services} (a member's live critical services) and
 * {@code business-systems} (a member's live systems). Source: systems link to {@code suppliers}, so the suppliers
 * feature refuses to delete a supplier a live system names.
 */
final class ServiceLinks {
    private ServiceLinks() {
    }

    @Singleton
    static class ServiceTarget implements RecordLinks.Target {
        private final SystemLinkRepository links;

        ServiceTarget(SystemLinkRepository links) {
            this.links = links;
        }

        @Override
        public String recordType() {
            return RecordType.CRITICAL_SERVICES.code();
        }

        @Override
        public Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
            return links.liveServiceIds(tenantId, memberId, ids);
        }
    }

    @Singleton
    static class SystemTarget implements RecordLinks.Target {
        private final SystemLinkRepository links;

        SystemTarget(SystemLinkRepository links) {
            this.links = links;
        }

        @Override
        public String recordType() {
            return BusinessSystemService.HISTORY_TYPE;
        }

        @Override
        public Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
            return links.liveSystemIds(tenantId, memberId, ids);
        }
    }

    @Singleton
    static class SupplierSource implements RecordLinks.Source {
        private final SystemLinkRepository links;

        SupplierSource(SystemLinkRepository links) {
            this.links = links;
        }

        @Override
        public String recordType() {
            return RecordType.CRITICAL_SERVICES.code();
        }

        @Override
        public List<String> linksTo(String targetType, long tenantId, long memberId, long targetId) {
            if (!BusinessSystemService.SUPPLIERS.equals(targetType)) {
                return List.of();
            }
            return links.systemsLinkingSupplier(tenantId, memberId, targetId).stream()
                    .map(SystemLinkRepository.LinkingSystem::describe).toList();
        }
    }
}
