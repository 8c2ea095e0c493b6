package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;

import java.util.List;

/**
 * A 別紙2 service as the reference endpoint shows it: every field of reference-data/service-maintenance-levels.json
 * plus {@code name}, {@code sectorLabel} and {@code outageExamples} in the response language. The maintenance level,
 * description and reporting laws exist in Japanese only (the source's wording).
 */
@Serdeable
record TemplateView(String id, String sectorCode, String sectorLabel, @Nullable String subgroupJa,
                    @Nullable Boolean subgroupInferred, String name, String serviceNameJa, String serviceNameEn,
                    String descriptionJa, List<String> descriptionItemsJa, List<String> outageExamples,
                    List<String> outageExamplesJa, List<String> outageExamplesEn, String maintenanceLevelKind,
                    @Nullable String maintenanceLevelJa, @Nullable List<String> maintenanceLevelItemsJa,
                    String effectiveMaintenanceLevelJa, @Nullable ServiceTemplates.Threshold threshold,
                    List<String> reportingLawsJa, @Nullable Boolean cellsMergedInferred, String sourceLines,
                    @Nullable List<String> notes) {

    static TemplateView of(ServiceTemplates.Template t, ServiceTemplates templates, Labels lang) {
        String sectorLabel = templates.sector(t.sectorCode()).map(s -> lang.pick(s.nameJa(), s.nameEn()))
                .orElse(t.sectorNameJa());
        return new TemplateView(t.id(), t.sectorCode(), sectorLabel, t.subgroupJa(), t.subgroupInferred(),
                lang.pick(t.serviceNameJa(), t.serviceNameEn()), t.serviceNameJa(), t.serviceNameEn(),
                t.descriptionJa(), t.descriptionItemsJa(),
                lang == Labels.EN ? t.outageExamplesEn() : t.outageExamplesJa(), t.outageExamplesJa(),
                t.outageExamplesEn(), t.maintenanceLevelKind(), t.maintenanceLevelJa(), t.maintenanceLevelItemsJa(),
                t.effectiveMaintenanceLevelJa(), t.threshold(), t.reportingLawsJa(), t.cellsMergedInferred(),
                t.sourceLines(), t.notes());
    }

    /**
     * A note of 別紙2 (注１, 注２, the glossary's definition, the dataset's conventions); {@code text} is the note in
     * the response language (the dataset's conventions exist in English only).
     */
    @Serdeable
    record NoteView(String id, @Nullable String labelJa, String text, @Nullable String textJa, @Nullable String textEn,
                    @Nullable String appliesTo, @Nullable String defaultMaintenanceLevelJa,
                    @Nullable String sourceLines) {
    }

    @Serdeable
    record Source(String datasetId, String titleJa, @Nullable String decidedJa, String lines) {
    }

    /** Every template (of one sector, with {@code sectorCode}), in the order of 別紙2, with the source and notes. */
    @Serdeable
    record TemplateList(Source source, List<NoteView> notes, List<TemplateView> items) {
    }

    static TemplateList list(ServiceTemplates templates, @Nullable String sectorCode, Labels lang) {
        ServiceTemplates.SourceDocument d = templates.source();
        List<NoteView> notes = templates.notes().stream().map(n -> new NoteView(n.id(), n.labelJa(),
                n.textJa() == null ? n.textEn() : lang.pick(n.textJa(), n.textEn()), n.textJa(), n.textEn(), n.appliesTo(),
                n.defaultMaintenanceLevelJa(), n.sourceLines())).toList();
        return new TemplateList(new Source(templates.datasetId(), d.titleJa(), d.decidedJa(), d.lines()), notes, templates.all(sectorCode).stream().map(t -> of(t, templates, lang)).toList());
    }
}
