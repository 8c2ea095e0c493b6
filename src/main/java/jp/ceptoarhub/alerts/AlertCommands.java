package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Request bodies of /api/v1/alerts; validated by the services so that every error names its field. */
final class AlertCommands {
    private AlertCommands() {
    }

    /** One audience entry; which fields apply depends on {@code kind} (see {@link AudienceRule}). */
    @Serdeable
    record AudienceInput(@Nullable String kind, @Nullable Long memberId, @Nullable Long userId,
                         @Nullable String sectorCode, @Nullable String ceptoarCode,
                         @Nullable String nationalOrganisationCode, @Nullable String corporateNumber,
                         @Nullable String localGovernmentCode) {
    }

    /**
     * The 情報提供様式 in its order. On creation importance, tlp, title, annex and audience are required (a follow-up
     * may leave the audience out: it keeps its thread's); on a draft's PATCH an absent field is left as it is and
     * an empty string clears an optional text.
     */
    @Serdeable
    record AlertInput(@Nullable String importance, @Nullable String tlp, @Nullable String specialRemarks,
                      @Nullable String title, @Nullable String outline, @Nullable String targets,
                      @Nullable String handling, @Nullable String otherInfo, @Nullable Boolean annex,
                      @Nullable String inquiryContact, @Nullable List<AudienceInput> audience,
                      @Nullable Long followUpOf) {
    }

    /** The originator widens or narrows the label, or changes 特記事項. */
    @Serdeable
    record LabelChange(@Nullable String tlp, @Nullable String specialRemarks) {
    }

    @Serdeable
    record AddRecipients(@Nullable List<AudienceInput> audience) {
    }

    /** A pass-on (展開): the label defaults to the one received and may only be kept or narrowed. */
    @Serdeable
    record PassOn(@Nullable String tlp, @Nullable List<AudienceInput> audience) {
    }

    @Serdeable
    record Withdraw(@Nullable String reason) {
    }

    @Serdeable
    record SettingsInput(@Nullable String numberPrefix, @Nullable String maxExportTlp,
                         @Nullable String inquiryContact) {
    }
}
