package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.api.Labelled;

import java.util.List;
import java.util.Optional;

/**
 * The enumerations of a continuity plan, with ja/en labels.
 * <p>
 * A plan's {@link PlanStatus} speaks about that plan alone: drafted, being drafted or considered, not drafted. The
 * survey's 設問27 and 設問28 ({@link ContingencyOption}, {@link BcpOption}: option ids and wording of
 * reference-data/assessment-catalogue-fy2024.json, the non-selectable "no-answer" left out) are answers about the
 * organisation, and 設問28 asks about two plans at once (the BCP and the 事業復旧計画); they are derived from the plan
 * records ({@link PlanPrefill}), and they are what the status of a plan was before V30 ({@link LegacyStatus}).
 * ContinuityApiTest checks the two option lists against the catalogue.
 */
final class PlanCodes {
    private PlanCodes() {
    }

    /** 事業復旧計画 is the survey's name (設問28 ※2: full recovery from the target recovery level to normal service). */
    enum PlanType implements Labelled {
        CONTINGENCY_PLAN("コンティンジェンシープラン", "Contingency plan"),
        BCP("事業継続計画", "Business continuity plan"),
        IT_BCP("IT-BCP", "IT-BCP"),
        RECOVERY_PLAN("事業復旧計画", "Business recovery plan");

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
    }

    /**
     * The state of one plan: PRODUCT-DEFINED codes and labels, in the words of the survey's options (策定している,
     * 策定中である / 検討している, 策定していない: 設問27 and 設問28). Only DRAFTED is in place. Whether the plan covers
     * cyber-attack scenarios is {@link CyberCoverage}, not part of the status.
     */
    enum PlanStatus implements Labelled {
        DRAFTED("策定している", "Drafted"),
        IN_PREPARATION("策定中又は策定を検討している", "Being drafted or considered"),
        NOT_DRAFTED("策定していない", "Not drafted");

        private final String ja;
        private final String en;

        PlanStatus(String ja, String en) {
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

        boolean inPlace() {
            return this == DRAFTED;
        }
    }

    /** A survey option: its id and wording as the catalogue has them. */
    interface SurveyOption extends Labelled {
        /** The catalogue question it belongs to. */
        String questionId();
    }

    /** 設問27 (q.risk.contingency-plan) options, ids and wording as in the catalogue. */
    enum ContingencyOption implements SurveyOption {
        WITH_CYBER("with-cyber", "サイバー攻撃への備えも取り入れたコンティンジェンシープランを策定している",
                "A contingency plan is in place and includes preparation for cyber attacks"),
        WITHOUT_CYBER("without-cyber",
                "コンティンジェンシープランは策定しているが、サイバー攻撃への備えを目的とした要素は取り入れられていない",
                "A contingency plan is in place, but it has no elements aimed at preparing for cyber attacks"),
        CONSIDERING("considering", "コンティンジェンシープランの策定を検討している",
                "Considering drawing up a contingency plan"),
        NO_PLAN("no-plan", "コンティンジェンシープランを策定する予定はない", "No plan to draw up a contingency plan");

        static final String QUESTION = "q.risk.contingency-plan";

        private final String code;
        private final String ja;
        private final String en;

        ContingencyOption(String code, String ja, String en) {
            this.code = code;
            this.ja = ja;
            this.en = en;
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

        public String questionId() {
            return QUESTION;
        }
    }

    /** 設問28 (q.risk.business-continuity-plan) options: the BCP and the 事業復旧計画 together. */
    enum BcpOption implements SurveyOption {
        BCP_AND_RECOVERY("bcp-and-recovery", "事業継続計画及び事業復旧計画を策定している。",
                "Both a business continuity plan and a business recovery plan are in place."),
        BCP_RECOVERY_IN_PROGRESS("bcp-recovery-in-progress", "事業継続計画は策定しており、事業復旧計画を策定中である。",
                "A business continuity plan is in place and a business recovery plan is being drawn up."),
        BCP_ONLY("bcp-only", "事業継続計画は策定しているが、事業復旧計画は策定していない。",
                "A business continuity plan is in place, but no business recovery plan."),
        BCP_CONSIDERING_OR_DRAFTING("bcp-considering-or-drafting", "事業継続計画の策定を検討している、もしくは作成中である",
                "A business continuity plan is being considered or drafted"),
        NO_PLAN("no-plan", "事業継続計画を策定する予定はない", "No plan to draw up a business continuity plan");

        static final String QUESTION = "q.risk.business-continuity-plan";

        private final String code;
        private final String ja;
        private final String en;

        BcpOption(String code, String ja, String en) {
            this.code = code;
            this.ja = ja;
            this.en = en;
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

        public String questionId() {
            return QUESTION;
        }
    }

    /**
     * What a survey option stored as a plan's status before V30 (API 0.1) says about that plan, and what it says about
     * its cyber coverage (null: nothing). The one table of it: V30 applies it to stored plans (ContinuityMigrationTest
     * checks the migrated rows against it), and {@link PlanRules} to a client still sending a 0.1 status.
     * A 設問28 option says one thing of the BCP (options 1–3: drafted) and another of the 事業復旧計画 (option 1 drafted,
     * 2 策定中, 3 not drafted); an IT-BCP is read like the BCP.
     */
    record LegacyStatus(SurveyOption option, PlanStatus status, @Nullable CyberCoverage cyber) {
        static Optional<LegacyStatus> of(PlanType type, String code) {
            if (type == PlanType.CONTINGENCY_PLAN) {
                return parse(Labelled.all(ContingencyOption.class), code).map(o -> switch (o) {
                    case WITH_CYBER -> new LegacyStatus(o, PlanStatus.DRAFTED, CyberCoverage.YES);
                    case WITHOUT_CYBER -> new LegacyStatus(o, PlanStatus.DRAFTED, CyberCoverage.NO);
                    case CONSIDERING -> new LegacyStatus(o, PlanStatus.IN_PREPARATION, null);
                    case NO_PLAN -> new LegacyStatus(o, PlanStatus.NOT_DRAFTED, null);
                });
            }
            boolean recovery = type == PlanType.RECOVERY_PLAN;
            return parse(Labelled.all(BcpOption.class), code).map(o -> new LegacyStatus(o, switch (o) {
                case BCP_AND_RECOVERY -> PlanStatus.DRAFTED;
                case BCP_RECOVERY_IN_PROGRESS -> recovery ? PlanStatus.IN_PREPARATION : PlanStatus.DRAFTED;
                case BCP_ONLY -> recovery ? PlanStatus.NOT_DRAFTED : PlanStatus.DRAFTED;
                case BCP_CONSIDERING_OR_DRAFTING -> PlanStatus.IN_PREPARATION;
                case NO_PLAN -> PlanStatus.NOT_DRAFTED;
            }, null));
        }
    }

    /**
     * Whether the plan covers cyber-attack scenarios: PRODUCT-DEFINED, values and labels (対応済み, 一部対応, 未対応).
     * The sources ask only whether a contingency plan includes preparation for cyber attacks (設問27, options
     * with-cyber / without-cyber) and print no coverage scale; YES and PARTIAL both answer with-cyber.
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

        boolean covers() {
            return this != NO;
        }
    }

    static <E extends Labelled> Optional<E> parse(List<E> values, String code) {
        return values.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    static String codes(List<? extends Labelled> values) {
        return String.join(", ", values.stream().map(Labelled::code).toList());
    }
}
