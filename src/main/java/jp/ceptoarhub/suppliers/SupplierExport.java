package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/** The member's live suppliers, as GET shows them, for the export of its records (JSON / .xlsx). */
@Singleton
class SupplierExport implements RecordExport {
    private final SupplierRepository suppliers;
    private final SupplierRules rules;
    private final SupplierTypes types;

    SupplierExport(SupplierRepository suppliers, SupplierRules rules, SupplierTypes types) {
        this.suppliers = suppliers;
        this.rules = rules;
        this.types = types;
    }

    @Override
    public RecordType recordType() {
        return RecordType.SUPPLIERS;
    }

    @Override
    public List<SupplierView> export(long tenantId, long memberId, Labels lang) {
        return suppliers.live(tenantId, memberId).stream().map(s -> SupplierView.of(s, rules, types, lang)).toList();
    }
}
