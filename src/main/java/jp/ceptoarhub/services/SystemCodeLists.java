package jp.ceptoarhub.services;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.records.Criticality;

import java.util.List;
import java.util.Map;

@Singleton
class SystemCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        return Map.of(
                "BusinessSystemKind", Labelled.all(ServiceCodes.SystemKind.class),
                "BusinessSystemCriticality", Labelled.all(Criticality.class),
                "BusinessSystemHosting", Labelled.all(ServiceCodes.Hosting.class));
    }
}
