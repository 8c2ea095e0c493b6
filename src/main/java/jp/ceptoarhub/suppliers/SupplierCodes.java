package jp.ceptoarhub.suppliers;

import jp.ceptoarhub.api.Labelled;

/**
 * The product-defined enumerations of a supplier, with ja/en labels. Unlike the supplier types (which come from the
 * action plan's glossary, see {@link SupplierTypes}), neither the action plan nor the national exercise defines
 * these lists: they are the product's own choice, written so that a CEPTOAR can compare its members' answers.
 * <ul>
 * <li>{@link Criticality}: how much the member's critical services depend on the supplier (高/中/低).</li>
 * <li>{@link ContractClause}: the security clauses the contract with the supplier contains (the action plan asks
 * operators to make supply-chain measures effective "through contracts with contractors"; which clauses count is
 * the product's list).</li>
 * <li>{@link Resubcontracting}: whether the supplier passes the work on (再委託).</li>
 * </ul>
 */
final class SupplierCodes {
    private SupplierCodes() {
    }

    enum ContractClause implements Labelled {
        INCIDENT_NOTIFICATION("インシデント発生時の通知義務", "Duty to notify incidents"),
        SECURITY_REQUIREMENTS("セキュリティ要件の遵守", "Security requirements"),
        AUDIT_RIGHT("監査・報告徴求の権利", "Right to audit and to request reports"),
        SUBCONTRACTING_APPROVAL("再委託の事前承認", "Prior approval of subcontracting"),
        DATA_RETURN_DELETION("契約終了時のデータ返却・削除", "Return or deletion of data at the end of the contract"),
        VULNERABILITY_HANDLING("脆弱性への対応", "Handling of vulnerabilities");

        private final String ja;
        private final String en;

        ContractClause(String ja, String en) {
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

    enum Resubcontracting implements Labelled {
        NONE("再委託なし", "No subcontracting"),
        WITH_APPROVAL("承認を得て再委託", "Subcontracts with the member's approval"),
        WITHOUT_APPROVAL("承認なく再委託", "Subcontracts without the member's approval"),
        UNKNOWN("不明", "Unknown");

        private final String ja;
        private final String en;

        Resubcontracting(String ja, String en) {
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
