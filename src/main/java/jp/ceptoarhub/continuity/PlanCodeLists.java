package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every plan type takes the same statuses (since V30 a plan's status speaks about that plan alone). */
@Singleton
class PlanCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        Map<String, List<? extends Labelled>> lists = new LinkedHashMap<>();
        lists.put("ContinuityPlanType", Labelled.all(PlanCodes.PlanType.class));
        lists.put("ContinuityPlanStatus", Labelled.all(PlanCodes.PlanStatus.class));
        lists.put("ContinuityCyberCoverage", Labelled.all(PlanCodes.CyberCoverage.class));
        return lists;
    }
}
