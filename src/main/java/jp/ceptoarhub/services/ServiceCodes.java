package jp.ceptoarhub.services;

import jp.ceptoarhub.api.Labelled;

/**
 * The enumerations of a business system, with ja/en labels. The kinds follow footnote 6 of 重要インフラの
 * サイバーセキュリティに係る行動計画 (サイバーセキュリティ戦略本部, 2022年6月17日決定, 2024年3月8日改定; text extraction
 * L2740–2742): 「ここでいうシステムには、いわゆる情報系システムに限らず、…制御システムや、普及が進んでいる
 * IoT等も含まれる」; the Japanese labels are its words. Criticality and hosting have no source wording; their
 * labels are this service's.
 */
final class ServiceCodes {
    private ServiceCodes() {
    }

    enum SystemKind implements Labelled {
        IT("情報系システム", "IT system"),
        OT("制御システム", "Control system (OT)"),
        IOT("IoT", "IoT");

        private final String ja;
        private final String en;

        SystemKind(String ja, String en) {
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

    enum Hosting implements Labelled {
        ON_PREMISES("オンプレミス", "On-premises"),
        CLOUD("クラウド", "Cloud"),
        HYBRID("ハイブリッド", "Hybrid");

        private final String ja;
        private final String en;

        Hosting(String ja, String en) {
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
}
