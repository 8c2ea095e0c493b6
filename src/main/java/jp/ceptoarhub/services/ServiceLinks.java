package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How other record types link to critical services and systems, and how systems link to services and suppliers
 * ({@link RecordLinks}). Targets: record type {@code critical-services} (a member's live critical services) and
 * {@code business-systems} (a member's live systems). Source: systems link to {@code critical-services} and
 * {@code suppliers}, so a service or a supplier a live system names cannot be deleted.
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
            return SystemDescriptor.CODE;
        }

        @Override
        public Set<Long> liveIds(long tenantId, long memberId, Collection<Long> ids) {
            return links.liveSystemIds(tenantId, memberId, ids);
        }
    }

    @Singleton
    static class SystemSource implements RecordLinks.Source {
        private final SystemLinkRepository links;

        SystemSource(SystemLinkRepository links) {
            this.links = links;
        }

        @Override
        public String recordType() {
            return RecordType.CRITICAL_SERVICES.code();
        }

        @Override
        public List<String> linksTo(String targetType, long tenantId, long memberId, long targetId) {
            List<SystemLinkRepository.LinkingSystem> linking;
            if (RecordType.CRITICAL_SERVICES.code().equals(targetType)) {
                linking = links.systemsLinkingService(tenantId, memberId, targetId);
            } else if (RecordType.SUPPLIERS.code().equals(targetType)) {
                linking = links.systemsLinkingSupplier(tenantId, memberId, targetId);
            } else {
                linking = List.of();
            }
            return linking.stream().map(SystemLinkRepository.LinkingSystem::describe).toList();
        }
    }
}
