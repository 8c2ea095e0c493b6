package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suppliers on the secretariat's freshness dashboard: lastChangedAt = the latest change (deletions included),
 * lastConfirmedAt = the latest "confirm unchanged"; complete = the member has at least one live supplier and every
 * live supplier has a criticality and an incident contact (a phone number or an email address). A member without
 * live suppliers is absent (MISSING).
 */
@Singleton
class SuppliersFreshness implements RecordFreshness {
    private final SupplierRepository suppliers;
    private final SupplierConfirmations confirmations;

    SuppliersFreshness(SupplierRepository suppliers, SupplierConfirmations confirmations) {
        this.suppliers = suppliers;
        this.confirmations = confirmations;
    }

    @Override
    public String recordType() {
        return RecordType.SUPPLIERS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, List<Supplier>> live = new HashMap<>();
        Map<Long, Instant> changed = new HashMap<>();
        for (Supplier s : suppliers.allOfTenant(tenantId)) {
            changed.merge(s.memberOperatorId(), s.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (!s.deleted()) {
                live.computeIfAbsent(s.memberOperatorId(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId);
        Map<Long, Observation> out = new HashMap<>();
        live.forEach((memberId, list) -> out.put(memberId, new Observation(changed.get(memberId),
                confirmed.get(memberId), complete(list))));
        return out;
    }

    static boolean complete(List<Supplier> live) {
        return !live.isEmpty() && live.stream().allMatch(s -> SupplierView.missingForFreshness(s).isEmpty());
    }
}
