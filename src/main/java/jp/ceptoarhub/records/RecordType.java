package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Labelled;

import java.util.Optional;

/**
 * The readiness record types of a member operator (issue 4), in display order: the unit of access policy
 * ({@code tenant_record_policy}), of "confirm unchanged", of the freshness dashboard and of the export. The code is
 * what the API, the shared tables and the policies store.
 */
public enum RecordType implements Labelled {
    CONTACTS("contacts", "連絡先", "Contacts"),
    SUPPLIERS("suppliers", "サプライチェーン", "Suppliers"),
    CLOUD_SERVICES("cloud-services", "クラウドサービス", "Cloud services"),
    CRITICAL_SERVICES("critical-services", "重要サービス・システム", "Critical services and systems"),
    CONTINUITY_PLANS("continuity-plans", "事業継続計画等", "Continuity plans"),
    SELF_ASSESSMENT("self-assessment", "自己評価", "Self-assessment");

    private final String code;
    private final String ja;
    private final String en;

    RecordType(String code, String ja, String en) {
        this.code = code;
        this.ja = ja;
        this.en = en;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String labelJa() {
        return ja;
    }

    @Override
    public String labelEn() {
        return en;
    }

    public static Optional<RecordType> fromCode(String code) {
        return Labelled.parse(RecordType.class, code);
    }
}
