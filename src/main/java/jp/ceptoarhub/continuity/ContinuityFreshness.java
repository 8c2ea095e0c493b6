package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.members.RecordFreshness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Continuity plans on the secretariat's freshness dashboard: lastChangedAt = the latest change (deletions included),
 * lastConfirmedAt = the latest "confirm unchanged"; complete = the member has a contingency plan and a BCP that are
 * in place (a status the catalogue counts as implemented; "considering" or "no-plan" records do not count) and no
 * live plan's nextReviewDue is in the past (JST). A member without live plans is absent (MISSING).
 */
@Singleton
class ContinuityFreshness implements RecordFreshness {
    private final ContinuityPlanRepository plans;
    private final PlanConfirmations confirmations;

    ContinuityFreshness(ContinuityPlanRepository plans, PlanConfirmations confirmations) {
        this.plans = plans;
        this.confirmations = confirmations;
    }

    @Override
    public String recordType() {
        return RecordType.CONTINUITY_PLANS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, List<ContinuityPlan>> live = new HashMap<>();
        Map<Long, Instant> changed = new HashMap<>();
        for (ContinuityPlan p : plans.allOfTenant(tenantId)) {
            changed.merge(p.memberOperatorId(), p.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (!p.deleted()) {
                live.computeIfAbsent(p.memberOperatorId(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId);
        LocalDate today = LocalDate.now(PlanRules.JST);
        Map<Long, Observation> out = new HashMap<>();
        live.forEach((memberId, list) -> out.put(memberId, new Observation(changed.get(memberId),
                confirmed.get(memberId), complete(list, today))));
        return out;
    }

    static boolean complete(List<ContinuityPlan> live, LocalDate today) {
        return inPlace(live, PlanType.CONTINGENCY_PLAN) && inPlace(live, PlanType.BCP)
                && live.stream().noneMatch(p -> PlanView.overdue(p, today));
    }

    private static boolean inPlace(List<ContinuityPlan> live, PlanType type) {
        return live.stream().anyMatch(p -> type.code().equals(p.planType())
                && PlanCodes.status(p.planType(), p.status()).inPlace());
    }
}
