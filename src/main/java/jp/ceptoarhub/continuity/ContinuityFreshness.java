package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.continuity.PlanCodes.PlanStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.continuity.PlanCommands.PlanInput;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.RecordType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Continuity plans on the secretariat's freshness dashboard ({@link RecordLifecycle#observe}): complete = the member
 * has a contingency plan and a BCP that are in place (status DRAFTED) and no live plan's nextReviewDue is in the
 * past (JST).
 */
@Singleton
class ContinuityFreshness implements RecordFreshness {
    private final RecordLifecycle<ContinuityPlan, PlanInput, PlanData> plans;
    private final Clock clock;

    ContinuityFreshness(RecordLifecycles lifecycles, PlanDescriptor descriptor, Clock clock) {
        this.plans = lifecycles.of(descriptor);
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return RecordType.CONTINUITY_PLANS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        LocalDate today = ClockFactory.today(clock);
        return plans.observe(tenantId, live -> complete(live, today));
    }

    static boolean complete(List<ContinuityPlan> live, LocalDate today) {
        return inPlace(live, PlanType.CONTINGENCY_PLAN) && inPlace(live, PlanType.BCP)
                && live.stream().noneMatch(p -> PlanView.overdue(p, today));
    }

    private static boolean inPlace(List<ContinuityPlan> live, PlanType type) {
        return live.stream().anyMatch(p -> type.code().equals(p.planType())
                && PlanStatus.valueOf(p.status()).inPlace());
    }
}
