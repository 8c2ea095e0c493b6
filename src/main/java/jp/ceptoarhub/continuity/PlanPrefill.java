package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.continuity.PlanCodes.BcpOption;
import jp.ceptoarhub.continuity.PlanCodes.ContingencyOption;
import jp.ceptoarhub.continuity.PlanCodes.CyberCoverage;
import jp.ceptoarhub.continuity.PlanCodes.PlanStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.continuity.PlanCodes.SurveyOption;
import jp.ceptoarhub.records.AnswerPrefill;
import jp.ceptoarhub.records.RecordType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 設問27 and 設問28 as the member's continuity plans answer them, offered to the member to confirm.
 * <ul>
 *   <li>設問27 (contingency plan): a drafted plan covering cyber scenarios (YES or PARTIAL) → with-cyber; drafted
 *   plans that all say NO → without-cyber; drafted but coverage not stated → no answer (the records cannot tell);
 *   otherwise in preparation → considering, not drafted → no-plan.</li>
 *   <li>設問28 speaks about the BCP and the 事業復旧計画 together: a BCP in preparation → bcp-considering-or-drafting, not
 *   drafted → no-plan; a drafted BCP with a 事業復旧計画 drafted → bcp-and-recovery, in preparation →
 *   bcp-recovery-in-progress, not drafted → bcp-only; with no 事業復旧計画 recorded, no answer. IT-BCPs are not
 *   asked about.</li>
 * </ul>
 * Where a member records several plans of one type, the most advanced status counts (one drafted BCP is a BCP).
 */
@Singleton
class PlanPrefill implements AnswerPrefill {
    private final ContinuityPlanRepository plans;

    PlanPrefill(ContinuityPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public List<Prefill> prefill(long tenantId, long memberId, Labels lang) {
        return answers(plans.live(tenantId, memberId), lang);
    }

    static List<Prefill> answers(List<ContinuityPlan> live, Labels lang) {
        List<Prefill> out = new ArrayList<>();
        contingency(live, lang).ifPresent(out::add);
        continuity(live, lang).ifPresent(out::add);
        return out;
    }

    private static Optional<Prefill> contingency(List<ContinuityPlan> live, Labels lang) {
        List<ContinuityPlan> best = best(live, PlanType.CONTINGENCY_PLAN);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        return switch (status(best.getFirst())) {
            case DRAFTED -> {
                List<ContinuityPlan> covering = best.stream().filter(p -> coverage(p) != null && coverage(p).covers())
                        .toList();
                if (!covering.isEmpty()) {
                    yield Optional.of(prefill(ContingencyOption.WITH_CYBER, covering, lang));
                }
                yield best.stream().allMatch(p -> coverage(p) == CyberCoverage.NO)
                        ? Optional.of(prefill(ContingencyOption.WITHOUT_CYBER, best, lang)) : Optional.empty();
            }
            case IN_PREPARATION -> Optional.of(prefill(ContingencyOption.CONSIDERING, best, lang));
            case NOT_DRAFTED -> Optional.of(prefill(ContingencyOption.NO_PLAN, best, lang));
        };
    }

    private static Optional<Prefill> continuity(List<ContinuityPlan> live, Labels lang) {
        List<ContinuityPlan> bcp = best(live, PlanType.BCP);
        if (bcp.isEmpty()) {
            return Optional.empty();
        }
        return switch (status(bcp.getFirst())) {
            case IN_PREPARATION -> Optional.of(prefill(BcpOption.BCP_CONSIDERING_OR_DRAFTING, bcp, lang));
            case NOT_DRAFTED -> Optional.of(prefill(BcpOption.NO_PLAN, bcp, lang));
            case DRAFTED -> {
                List<ContinuityPlan> recovery = best(live, PlanType.RECOVERY_PLAN);
                if (recovery.isEmpty()) {
                    yield Optional.empty();
                }
                List<ContinuityPlan> basis = new ArrayList<>(bcp);
                basis.addAll(recovery);
                yield Optional.of(prefill(switch (status(recovery.getFirst())) {
                    case DRAFTED -> BcpOption.BCP_AND_RECOVERY;
                    case IN_PREPARATION -> BcpOption.BCP_RECOVERY_IN_PROGRESS;
                    case NOT_DRAFTED -> BcpOption.BCP_ONLY;
                }, basis, lang));
            }
        };
    }

    /** The live plans of the type that have its most advanced status (DRAFTED before IN_PREPARATION ...). */
    private static List<ContinuityPlan> best(List<ContinuityPlan> live, PlanType type) {
        List<ContinuityPlan> ofType = live.stream().filter(p -> type.code().equals(p.planType()))
                .sorted(Comparator.comparing(PlanPrefill::status).thenComparing(ContinuityPlan::id)).toList();
        return ofType.stream().filter(p -> status(p) == status(ofType.getFirst())).toList();
    }

    private static Prefill prefill(SurveyOption option, List<ContinuityPlan> basis, Labels lang) {
        List<String> parts = basis.stream().map(p -> PlanType.valueOf(p.planType()).label(lang) + " #" + p.id() + " "
                + status(p).label(lang) + (coverage(p) == null ? "" : lang.pick("（サイバー攻撃シナリオ: ", " (cyber scenarios: ")
                + coverage(p).label(lang) + lang.pick("）", ")"))).toList();
        return new Prefill(option.questionId(), List.of(option.code()), RecordType.CONTINUITY_PLANS,
                basis.stream().map(ContinuityPlan::id).toList(),
                lang.pick("事業継続計画等の記録から: ", "From the continuity plans: ") + String.join(lang.pick("、", "; "), parts));
    }

    private static PlanStatus status(ContinuityPlan p) {
        return PlanStatus.valueOf(p.status());
    }

    private static @Nullable CyberCoverage coverage(ContinuityPlan p) {
        return p.cyberScenariosCovered() == null ? null : CyberCoverage.valueOf(p.cyberScenariosCovered());
    }
}
