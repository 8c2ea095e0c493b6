package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statuses depend on the plan type (設問27 for a contingency plan, 設問28 for the others): one list per type. */
@Singleton
class PlanCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        Map<String, List<? extends Labelled>> lists = new LinkedHashMap<>();
        lists.put("ContinuityPlanType", Labelled.all(PlanCodes.PlanType.class));
        for (PlanCodes.PlanType type : PlanCodes.PlanType.values()) {
            lists.put("ContinuityPlanStatus." + type.code(), type.statuses());
        }
        lists.put("ContinuityCyberCoverage", Labelled.all(PlanCodes.CyberCoverage.class));
        return lists;
    }
}
