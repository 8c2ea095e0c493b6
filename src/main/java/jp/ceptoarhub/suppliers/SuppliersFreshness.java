package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.suppliers.SupplierCommands.SupplierInput;

import java.util.List;
import java.util.Map;

/**
 * Suppliers on the secretariat's freshness dashboard ({@link RecordLifecycle#observe}): complete = every live
 * supplier has a criticality and an incident contact (a phone number or an email address).
 */
@Singleton
class SuppliersFreshness implements RecordFreshness {
    private final RecordLifecycle<Supplier, SupplierInput, SupplierData> suppliers;

    SuppliersFreshness(RecordLifecycles lifecycles, SupplierDescriptor descriptor) {
        this.suppliers = lifecycles.of(descriptor);
    }

    @Override
    public String recordType() {
        return RecordType.SUPPLIERS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        return suppliers.observe(tenantId, SuppliersFreshness::complete);
    }

    static boolean complete(List<Supplier> live) {
        return live.stream().allMatch(s -> SupplierView.missingForFreshness(s).isEmpty());
    }
}
