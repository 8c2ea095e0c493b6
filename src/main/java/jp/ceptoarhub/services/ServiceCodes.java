package jp.ceptoarhub.services;

import jp.ceptoarhub.api.Labels;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The enumerations of a business system, with ja/en labels. The kinds follow footnote 6 of the action plan
 * (行動計画, seeds/004 L2740–2742): 「ここでいうシステムには、いわゆる情報系システムに限らず、…制御システムや、普及が進んでいる
 * IoT等も含まれる」; the Japanese labels are its words. Criticality and hosting have no source wording; their
 * labels are this service's.
 */
final class ServiceCodes {
    private ServiceCodes() {
    }

    interface Labelled {
        String code();

        String labelJa();

        String labelEn();

        default String label(Labels lang) {
            return lang.pick(labelJa(), labelEn());
        }
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

    enum Criticality implements Labelled {
        HIGH("高", "High"),
        MEDIUM("中", "Medium"),
        LOW("低", "Low");

        private final String ja;
        private final String en;

        Criticality(String ja, String en) {
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

    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }

    static <E extends Enum<E> & Labelled> String codes(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Labelled::code).toList());
    }

    static <E extends Enum<E> & Labelled> List<E> all(Class<E> type) {
        return Arrays.asList(type.getEnumConstants());
    }
}
