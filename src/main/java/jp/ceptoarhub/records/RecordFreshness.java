package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * SPI of the freshness dashboard. Each readiness-record feature (contacts, suppliers, cloud services, continuity
 * plans, self-assessment, ...) registers one bean implementing this interface; the dashboard picks up every bean
 * present, so a record type reports MISSING until its feature lands and real data as soon as it does. Use one of
 * the {@link RecordType} codes for the known types; a bean with another code is shown after them.
 */
public interface RecordFreshness {
    /** The record type's code, e.g. {@code contacts}; see {@link RecordType}. */
    String recordType();

    /**
     * The state of this record type for the tenant's members, keyed by member operator id. A member absent from the
     * map has no record of this type (MISSING). Must be scoped to the tenant.
     */
    Map<Long, Observation> observe(long tenantId);

    /**
     * @param lastChangedAt   when the member last changed any record of this type
     * @param lastConfirmedAt when the member last re-confirmed the records unchanged ("still correct")
     * @param complete        whether the records hold what the type requires (e.g. a primary and a deputy contact)
     */
    record Observation(@Nullable Instant lastChangedAt, @Nullable Instant lastConfirmedAt, boolean complete) {
        public @Nullable Instant latest() {
            if (lastChangedAt == null) {
                return lastConfirmedAt;
            }
            if (lastConfirmedAt == null) {
                return lastChangedAt;
            }
            return lastChangedAt.isAfter(lastConfirmedAt) ? lastChangedAt : lastConfirmedAt;
        }
    }

    /** The readiness record types (issue 4), in display order. */
    enum RecordType {
        CONTACTS("contacts", "連絡先", "Contacts"),
        SUPPLIERS("suppliers", "サプライチェーン", "Suppliers"),
        CLOUD_SERVICES("cloud-services", "クラウドサービス", "Cloud services"),
        CRITICAL_SERVICES("critical-services", "重要サービス・システム", "Critical services and systems"),
        CONTINUITY_PLANS("continuity-plans", "事業継続計画等", "Continuity plans"),
        SELF_ASSESSMENT("self-assessment", "自己評価", "Self-assessment");

        private final String code;
        private final String labelJa;
        private final String labelEn;

        RecordType(String code, String labelJa, String labelEn) {
            this.code = code;
            this.labelJa = labelJa;
            this.labelEn = labelEn;
        }

        public String code() {
            return code;
        }

        public String label(jp.ceptoarhub.api.Labels lang) {
            return lang.pick(labelJa, labelEn);
        }

        public static java.util.Optional<RecordType> fromCode(String code) {
            return java.util.Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
        }
    }
}
