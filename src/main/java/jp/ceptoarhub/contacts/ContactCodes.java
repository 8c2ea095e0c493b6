package jp.ceptoarhub.contacts;

import jp.ceptoarhub.api.Labelled;

/**
 * The enumerations of a contact, with ja/en labels. Organisational roles follow 重要インフラのサイバーセキュリティに係る
 * 行動計画 (サイバーセキュリティ戦略本部 2022年6月17日決定, 2024年3月8日改定): IV.1 障害対応体制の強化 names 経営層、CISO、
 * 戦略マネジメント層、システム担当者 (verbatim; EXECUTIVE .. SYSTEM_STAFF), IV.5.2(2) 部門間連携の推進 names ITの管理部門
 * and OTの管理部門 (verbatim; IT_MANAGEMENT, OT_MANAGEMENT) beside 法務部門 and 広報部門, and IV.5.1 names 防災・危機管理部門.
 * PUBLIC_RELATIONS 広報, LEGAL 法務 and DISASTER_CRISIS_MANAGEMENT 防災・危機管理 shorten those 部門 names (product labels);
 * OTHER is product-defined. Text-extraction lines of the plan: L604–L606, L740, L1769–L1775, L1804–L1810, L2331. The
 * sourced labels equal reference-data/service-maintenance-levels.json "operatorRoles" (EXECUTIVE is its MANAGEMENT,
 * IT_MANAGEMENT its DEPT_IT, OT_MANAGEMENT its DEPT_OT); ContactCodesTest checks them.
 */
final class ContactCodes {
    private ContactCodes() {
    }

    enum OrgRole implements Labelled {
        EXECUTIVE("経営層", "Senior management"),
        CISO("CISO", "Chief Information Security Officer"),
        STRATEGIC_MANAGEMENT("戦略マネジメント層", "Strategic management layer"),
        SYSTEM_STAFF("システム担当者", "System staff"),
        IT_MANAGEMENT("ITの管理部門", "IT management department"),
        OT_MANAGEMENT("OTの管理部門", "OT management department"),
        PUBLIC_RELATIONS("広報", "Public relations"),
        LEGAL("法務", "Legal"),
        DISASTER_CRISIS_MANAGEMENT("防災・危機管理", "Disaster prevention and crisis management"),
        OTHER("その他", "Other");

        private final String ja;
        private final String en;

        OrgRole(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        @Override
        public String labelJa() {
            return ja;
        }

        @Override
        public String labelEn() {
            return en;
        }
    }

    enum ContactFunction implements Labelled {
        POC("窓口担当(PoC)", "Point of contact", true),
        INCIDENT_CONTACT("インシデント連絡担当", "Incident contact", true),
        BCP_OWNER("BCP責任者", "BCP owner", false);

        private final String ja;
        private final String en;
        /** Functions every member must cover with a primary and a deputy (issue 4 item 1). */
        private final boolean required;

        ContactFunction(String ja, String en, boolean required) {
            this.ja = ja;
            this.en = en;
            this.required = required;
        }

        @Override
        public String labelJa() {
            return ja;
        }

        @Override
        public String labelEn() {
            return en;
        }

        boolean required() {
            return required;
        }
    }

    enum CallOrder implements Labelled {
        PRIMARY("正", "Primary"),
        DEPUTY("副", "Deputy"),
        AFTER_HOURS("時間外", "After hours");

        private final String ja;
        private final String en;

        CallOrder(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        @Override
        public String labelJa() {
            return ja;
        }

        @Override
        public String labelEn() {
            return en;
        }
    }

    enum ChannelType implements Labelled {
        EMAIL("電子メール", "Email"),
        PHONE("電話", "Phone"),
        MOBILE("携帯電話", "Mobile phone");

        private final String ja;
        private final String en;

        ChannelType(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        @Override
        public String labelJa() {
            return ja;
        }

        @Override
        public String labelEn() {
            return en;
        }
    }

    enum Availability implements Labelled {
        H24("24時間365日", "24x7"),
        BUSINESS_HOURS("業務時間内", "Business hours");

        private final String ja;
        private final String en;

        Availability(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        @Override
        public String labelJa() {
            return ja;
        }

        @Override
        public String labelEn() {
            return en;
        }
    }
}
