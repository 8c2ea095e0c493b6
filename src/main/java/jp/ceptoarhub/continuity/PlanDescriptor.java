package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.continuity.PlanCommands.PlanInput;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuity plans in the shared record lifecycle: the {@code continuity_plan} table (V6), {@link PlanRules}, and
 * the escalation link of an IT-BCP to a live BCP of the same member (a BCP is not deleted while one escalates to it:
 * {@link PlanLinks}).
 */
@Singleton
class PlanDescriptor implements RecordDescriptor<ContinuityPlan, PlanInput, PlanData> {
    private final ContinuityPlanRepository plans;
    private final PlanRules rules;

    PlanDescriptor(ContinuityPlanRepository plans, PlanRules rules) {
        this.plans = plans;
        this.rules = rules;
    }

    @Override
    public RecordType type() {
        return RecordType.CONTINUITY_PLANS;
    }

    @Override
    public String entityType() {
        return "continuity-plan";
    }

    @Override
    public String noun() {
        return "Continuity plan";
    }

    @Override
    public RecordStore<ContinuityPlan> store() {
        return plans;
    }

    /**
     * An IT-BCP's escalation link must name a live BCP of the same member (in the caller's tenant); a BCP an IT-BCP
     * escalates to keeps its plan type.
     */
    @Override
    public PlanData valid(Scope scope, PlanInput input, @Nullable PlanData current) {
        PlanData d = rules.valid(current == null ? input : input.over(rules.asInput(current)));
        Long link = d.escalatesToPlanId();
        if (link != null && (link.equals(scope.recordId()) || plans.find(scope.tenantId(), scope.memberId(), link)
                .filter(p -> !p.deleted() && PlanType.BCP.code().equals(p.planType())).isEmpty())) {
            throw Problems.invalidField("escalatesToPlanId", "must be the id of a BCP of the same member");
        }
        if (current != null && PlanType.BCP.code().equals(current.planType())
                && !PlanType.BCP.code().equals(d.planType())
                && !plans.escalatingTo(scope.tenantId(), scope.memberId(), scope.recordId()).isEmpty()) {
            throw Problems.invalidField("planType", "an IT-BCP escalates to this BCP; unlink it first");
        }
        return d;
    }

    @Override
    public PlanData data(ContinuityPlan p) {
        return p.data();
    }

    /** Keyed as ContinuityPlanCreate; dates as YYYY-MM-DD. */
    @Override
    public Map<String, JsonNode> fields(PlanData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("planType", FieldChanges.text(d.planType()));
        m.put("status", FieldChanges.text(d.status()));
        m.put("cyberScenariosCovered", FieldChanges.text(d.cyberScenariosCovered()));
        m.put("lastReviewedOn", FieldChanges.date(d.lastReviewedOn()));
        m.put("lastExercisedOn", FieldChanges.date(d.lastExercisedOn()));
        m.put("nextReviewDue", FieldChanges.date(d.nextReviewDue()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        m.put("scopeNotes", FieldChanges.text(d.scopeNotes()));
        m.put("escalatesToPlanId", FieldChanges.number(d.escalatesToPlanId()));
        return m;
    }

    @Override
    public ContinuityPlan insert(long tenantId, long memberId, PlanData d, Instant now) {
        return plans.save(ContinuityPlan.created(tenantId, memberId, d, now));
    }

    @Override
    public ContinuityPlan update(ContinuityPlan current, PlanData d, Instant now) {
        return plans.update(current.with(d, now));
    }

    @Override
    public ContinuityPlan tombstone(ContinuityPlan current, Instant now) {
        return plans.update(current.delete(now));
    }

    @Override
    public String describe(ContinuityPlan p) {
        return "memberId=" + p.memberOperatorId() + " planType=" + p.planType() + " status=" + p.status();
    }
}
