package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/**
 * IT-BCPs link to the BCP they escalate to ({@link RecordLinks.Source} of continuity plans to continuity plans), so
 * that a BCP is not deleted while a live IT-BCP escalates to it (409 continuity-plan-linked).
 */
@Singleton
class PlanLinks implements RecordLinks.Source {
    private final ContinuityPlanRepository plans;

    PlanLinks(ContinuityPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public String recordType() {
        return RecordType.CONTINUITY_PLANS.code();
    }

    @Override
    public List<String> linksTo(String targetType, long tenantId, long memberId, long targetId) {
        if (!RecordType.CONTINUITY_PLANS.code().equals(targetType)) {
            return List.of();
        }
        return plans.escalatingTo(tenantId, memberId, targetId).stream()
                .map(p -> "IT-BCP " + p.id() + " escalates to it").toList();
    }
}
