package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.List;

/**
 * A critical service as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted:
 * true, deletedAt}} with every other field absent. {@code name} is the member's own name (stored as entered);
 * {@code displayName} is that name or else the template's service name in the response language. {@code template}
 * summarises the 別紙2 entry (name, service maintenance level, threshold, reporting laws).
 */
@Serdeable
record CriticalServiceView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                           @Nullable String templateId, @Nullable TemplateSummary template, @Nullable String name,
                           @Nullable String displayName, @Nullable String description, @Nullable Integer rtoMinutes,
                           @Nullable Integer rpoMinutes, @Nullable String ownMaintenanceLevel,
                           @Nullable String maintenanceLevelNotes, @Nullable String dependencyNotes,
                           @Nullable String ownerName, @Nullable String ownerRole, @Nullable Instant createdAt,
                           @Nullable Instant updatedAt, @Nullable Long version) {

    /** The 別紙2 entry a service was created from, as far as the service's reader needs it. */
    @Serdeable
    record TemplateSummary(String id, String sectorCode, String name, String maintenanceLevelKind,
                           String effectiveMaintenanceLevelJa, @Nullable ServiceTemplates.Threshold threshold,
                           List<String> reportingLawsJa, List<String> outageExamples, String sourceLines) {
        static TemplateSummary of(ServiceTemplates.Template t, Labels lang) {
            return new TemplateSummary(t.id(), t.sectorCode(), lang.pick(t.serviceNameJa(), t.serviceNameEn()),
                    t.maintenanceLevelKind(), t.effectiveMaintenanceLevelJa(), t.threshold(), t.reportingLawsJa(),
                    lang == Labels.EN ? t.outageExamplesEn() : t.outageExamplesJa(), t.sourceLines());
        }
    }

    static CriticalServiceView of(CriticalService s, ServiceTemplates templates, Labels lang) {
        if (s.deleted()) {
            return new CriticalServiceView(s.id(), true, s.deletedAt(), null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
        }
        var t = templates.find(s.templateId());
        TemplateSummary summary = t.map(x -> TemplateSummary.of(x, lang)).orElse(null);
        String display = s.name() != null ? s.name() : summary != null ? summary.name() : s.templateId();
        return new CriticalServiceView(s.id(), false, null, s.memberOperatorId(), s.templateId(), summary, s.name(),
                display, s.description(), s.rtoMinutes(), s.rpoMinutes(), s.ownMaintenanceLevel(),
                s.maintenanceLevelNotes(), s.dependencyNotes(), s.ownerName(), s.ownerRole(), s.createdAt(),
                s.updatedAt(), s.versionOrZero());
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int serviceCount,
                        int systemCount) {
        static Confirmation of(RecordLifecycle.Confirmation c) {
            return new Confirmation(c.memberId(), c.confirmedAt(), c.confirmedBy(),
                    c.count(RecordType.CRITICAL_SERVICES.code()), c.count(SystemDescriptor.CODE));
        }
    }
}
