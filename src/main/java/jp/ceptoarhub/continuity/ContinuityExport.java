package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.members.RecordExport;
import jp.ceptoarhub.members.RecordFreshness;

import java.util.List;

/** A member's live continuity plans in the export of its record set, as GET shows them. */
@Singleton
class ContinuityExport implements RecordExport {
    private final ContinuityPlanRepository plans;

    ContinuityExport(ContinuityPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public RecordFreshness.RecordType recordType() {
        return RecordFreshness.RecordType.CONTINUITY_PLANS;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        return plans.live(tenantId, memberId).stream().map(p -> PlanView.of(p, lang)).toList();
    }
}
