package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.members.RecordExport;
import jp.ceptoarhub.members.RecordFreshness;

import java.util.List;

/** The member's live suppliers, as GET shows them, for the export of its records (JSON / .xlsx). */
@Singleton
class SupplierExport implements RecordExport {
    private final SupplierService suppliers;
    private final SupplierRules rules;
    private final SupplierTypes types;

    SupplierExport(SupplierService suppliers, SupplierRules rules, SupplierTypes types) {
        this.suppliers = suppliers;
        this.rules = rules;
        this.types = types;
    }

    @Override
    public RecordFreshness.RecordType recordType() {
        return RecordFreshness.RecordType.SUPPLIERS;
    }

    @Override
    public List<SupplierView> export(long tenantId, long memberId, Labels lang) {
        return suppliers.liveOf(tenantId, memberId).stream().map(s -> SupplierView.of(s, rules, types, lang)).toList();
    }
}
