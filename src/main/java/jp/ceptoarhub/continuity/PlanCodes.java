package jp.ceptoarhub.continuity;

import jp.ceptoarhub.api.Labelled;

import java.util.List;
import java.util.Optional;

/**
 * The enumerations of a continuity plan, with ja/en labels. Status values are the option ids and labels of 設問27
 * (q.risk.contingency-plan) and 設問28 (q.risk.business-continuity-plan) of
 * reference-data/assessment-catalogue-fy2024.json; the "no-answer" option of both lists is left out because the
 * catalogue marks it {@code respondentSelectable: false} (a result category of the survey, not a plan's state).
 * ContinuityApiTest checks these lists against the catalogue.
 */
final class PlanCodes {
    private PlanCodes() {
    }

    enum PlanType implements Labelled {
        CONTINGENCY_PLAN("コンティンジェンシープラン", "Contingency plan"),
        BCP("事業継続計画", "Business continuity plan"),
        IT_BCP("IT-BCP", "IT-BCP"),
        RECOVERY_PLAN("復旧計画", "Recovery plan");

        private final String ja;
        private final String en;

        PlanType(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        public String code() {
            return name();
        }

        public String labelJa() {
            return ja;
        }

        public String labelEn() {
            return en;
        }

        /** The status options valid for this plan type. */
        List<? extends PlanStatus> statuses() {
            return switch (this) {
                case CONTINGENCY_PLAN -> List.of(ContingencyStatus.values());
                // 設問28 asks about the BCP (and the business recovery plan); IT-BCP is part of the BCP family.
                // The survey does not ask about a separate recovery plan: RECOVERY_PLAN reuses the 設問28 options.
                case BCP, IT_BCP, RECOVERY_PLAN -> List.of(BcpStatus.values());
            };
        }

        String question() {
            return this == CONTINGENCY_PLAN ? "設問27" : "設問28";
        }
    }

    interface PlanStatus extends Labelled {
        /** The catalogue's countsAsImplemented: the plan exists (possibly without cyber / recovery parts). */
        boolean inPlace();
    }

    /** 設問27 (q.risk.contingency-plan) options, ids as in the catalogue. */
    enum ContingencyStatus implements PlanStatus {
        WITH_CYBER("with-cyber", "サイバー攻撃への備えも取り入れたコンティンジェンシープランを策定している",
                "A contingency plan is in place and includes preparation for cyber attacks", true),
        WITHOUT_CYBER("without-cyber",
                "コンティンジェンシープランは策定しているが、サイバー攻撃への備えを目的とした要素は取り入れられていない",
                "A contingency plan is in place, but it has no elements aimed at preparing for cyber attacks", true),
        CONSIDERING("considering", "コンティンジェンシープランの策定を検討している",
                "Considering drawing up a contingency plan", false),
        NO_PLAN("no-plan", "コンティンジェンシープランを策定する予定はない", "No plan to draw up a contingency plan", false);

        private final String code;
        private final String ja;
        private final String en;
        private final boolean inPlace;

        ContingencyStatus(String code, String ja, String en, boolean inPlace) {
            this.code = code;
            this.ja = ja;
            this.en = en;
            this.inPlace = inPlace;
        }

        public String code() {
            return code;
        }

        public String labelJa() {
            return ja;
        }

        public String labelEn() {
            return en;
        }

        public boolean inPlace() {
            return inPlace;
        }
    }

    /** 設問28 (q.risk.business-continuity-plan) options, ids as in the catalogue. */
    enum BcpStatus implements PlanStatus {
        BCP_AND_RECOVERY("bcp-and-recovery", "事業継続計画及び事業復旧計画を策定している。",
                "Both a business continuity plan and a business recovery plan are in place.", true),
        BCP_RECOVERY_IN_PROGRESS("bcp-recovery-in-progress", "事業継続計画は策定しており、事業復旧計画を策定中である。",
                "A business continuity plan is in place and a business recovery plan is being drawn up.", true),
        BCP_ONLY("bcp-only", "事業継続計画は策定しているが、事業復旧計画は策定していない。",
                "A business continuity plan is in place, but no business recovery plan.", true),
        BCP_CONSIDERING_OR_DRAFTING("bcp-considering-or-drafting", "事業継続計画の策定を検討している、もしくは作成中である",
                "A business continuity plan is being considered or drafted", false),
        NO_PLAN("no-plan", "事業継続計画を策定する予定はない", "No plan to draw up a business continuity plan", false);

        private final String code;
        private final String ja;
        private final String en;
        private final boolean inPlace;

        BcpStatus(String code, String ja, String en, boolean inPlace) {
            this.code = code;
            this.ja = ja;
            this.en = en;
            this.inPlace = inPlace;
        }

        public String code() {
            return code;
        }

        public String labelJa() {
            return ja;
        }

        public String labelEn() {
            return en;
        }

        public boolean inPlace() {
            return inPlace;
        }
    }

    /**
     * Whether the plan covers cyber-attack scenarios: PRODUCT-DEFINED, values and labels (対応済み, 一部対応, 未対応).
     * The sources ask only whether a contingency plan includes preparation for cyber attack (設問27, options
     * with-cyber / without-cyber) and print no coverage scale.
     */
    enum CyberCoverage implements Labelled {
        YES("対応済み", "Covered"),
        PARTIAL("一部対応", "Partly covered"),
        NO("未対応", "Not covered");

        private final String ja;
        private final String en;

        CyberCoverage(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        public String code() {
            return name();
        }

        public String labelJa() {
            return ja;
        }

        public String labelEn() {
            return en;
        }
    }

    static <E extends Labelled> Optional<E> parse(List<E> values, String code) {
        return values.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    static PlanStatus status(String planType, String code) {
        return parse(PlanType.valueOf(planType).statuses(), code).orElseThrow();
    }

    static String codes(List<? extends Labelled> values) {
        return String.join(", ", values.stream().map(Labelled::code).toList());
    }
}
