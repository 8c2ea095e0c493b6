package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordConfirmations;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Critical services and systems on the secretariat's freshness dashboard (record type {@code critical-services}):
 * lastChangedAt = the latest change of a service or system (deletions included), lastConfirmedAt = the latest
 * "confirm unchanged". complete = the member has at least one live critical service, every live service has both
 * an RTO and an RPO, and every live service is supported by at least one live system (a system whose serviceIds
 * name it). A member with neither live services nor live systems is absent (MISSING); one with systems only is
 * INCOMPLETE.
 */
@Singleton
class CriticalServicesFreshness implements RecordFreshness {
    private final CriticalServiceRepository services;
    private final BusinessSystemRepository systems;
    private final SystemLinkRepository links;
    private final RecordConfirmations confirmations;

    CriticalServicesFreshness(CriticalServiceRepository services, BusinessSystemRepository systems,
                              SystemLinkRepository links, RecordConfirmations confirmations) {
        this.services = services;
        this.systems = systems;
        this.links = links;
        this.confirmations = confirmations;
    }

    @Override
    public String recordType() {
        return RecordType.CRITICAL_SERVICES.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, List<CriticalService>> liveServices = new HashMap<>();
        Set<Long> present = new HashSet<>();
        Map<Long, Instant> changed = new HashMap<>();
        for (CriticalService s : services.allOfTenant(tenantId)) {
            changed.merge(s.memberOperatorId(), s.updatedAt(), CriticalServicesFreshness::later);
            if (!s.deleted()) {
                liveServices.computeIfAbsent(s.memberOperatorId(), k -> new ArrayList<>()).add(s);
                present.add(s.memberOperatorId());
            }
        }
        for (BusinessSystem s : systems.allOfTenant(tenantId)) {
            changed.merge(s.memberOperatorId(), s.updatedAt(), CriticalServicesFreshness::later);
            if (!s.deleted()) {
                present.add(s.memberOperatorId());
            }
        }
        Map<Long, Set<Long>> supported = links.linkedServicesOfTenant(tenantId);
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId, RecordType.CRITICAL_SERVICES);
        Map<Long, Observation> out = new HashMap<>();
        for (Long memberId : present) {
            out.put(memberId, new Observation(changed.get(memberId), confirmed.get(memberId),
                    complete(liveServices.getOrDefault(memberId, List.of()),
                            supported.getOrDefault(memberId, Set.of()))));
        }
        return out;
    }

    static boolean complete(List<CriticalService> live, Set<Long> supportedServiceIds) {
        return !live.isEmpty() && live.stream().allMatch(s -> s.rtoMinutes() != null && s.rpoMinutes() != null
                && supportedServiceIds.contains(s.id()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
