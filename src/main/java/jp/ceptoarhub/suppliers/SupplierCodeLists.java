package jp.ceptoarhub.suppliers;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.records.Criticality;

import java.util.List;
import java.util.Map;

/** Supplier types have their own reference endpoint (with definitions and sources); these are the other lists. */
@Singleton
class SupplierCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        return Map.of(
                "SupplierCriticality", Labelled.all(Criticality.class),
                "SupplierContractClause", Labelled.all(SupplierCodes.ContractClause.class),
                "SupplierResubcontracting", Labelled.all(SupplierCodes.Resubcontracting.class));
    }
}
