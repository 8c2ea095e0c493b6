package jp.ceptoarhub.alerts;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;

import java.util.List;
import java.util.Map;

/**
 * The alerts' coded enumerations for forms: 重要度 (the TLP levels, with their Japanese names and the provision form's
 * wording, are the reference data of /api/v1/reference/tlp-levels).
 */
@Singleton
class AlertCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        return Map.of("ImportanceCode", Labelled.all(Importance.class));
    }
}
