package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 別紙2 critical-service templates (重要インフラサービスとサービス維持レベル), read once from
 * reference-data/service-maintenance-levels.json (38 services of the 15 sectors, with the notes 注１/注２ and the
 * source lines of every entry). The data is not retyped in Java: every text comes from that file.
 */
@Singleton
public class ServiceTemplates {
    static final String RESOURCE = "reference-data/service-maintenance-levels.json";

    /**
     * The file's source document (行動計画 別紙２) as cited in it: {@code tag} AP (REFERENCE-DATA.md, Sources), and the
     * lines of the document's plain-text extraction it spans, a secondary aid ("AP L3719–L9233").
     */
    @Serdeable
    public record SourceDocument(String tag, String titleJa, @Nullable String decidedJa, String lines) {
    }

    @Serdeable
    public record Note(String id, @Nullable String labelJa, @Nullable String textJa, @Nullable String textEn,
                       @Nullable String appliesTo, @Nullable String defaultMaintenanceLevelJa,
                       @Nullable String sourceLines) {
    }

    @Serdeable
    public record Sector(String code, String nameJa, String nameEn, @Nullable String sourceLines) {
    }

    /** A per-equipment condition of a threshold with logic ANY_CONDITION (broadcasting). */
    @Serdeable
    public record Condition(String equipmentJa, @Nullable Integer minDurationMinutes,
                            @Nullable Integer relayStationMinDurationMinutes) {
    }

    /**
     * The numeric service maintenance level: an outage breaches it when it meets all given minima (ALL_OF) or any
     * of the conditions (ANY_CONDITION); comparison GREATER_THAN_OR_EQUAL (以上).
     */
    @Serdeable
    public record Threshold(@Nullable Integer minUsers, @Nullable Integer minDurationMinutes, @Nullable Integer minKw,
                            @Nullable Integer minHouseholds, @Nullable Integer relayStationMinDurationMinutes,
                            String logic, String comparison, @Nullable String impactJa, @Nullable String causeJa,
                            @Nullable List<Condition> conditions) {
    }

    @Serdeable
    public record Template(String id, String sectorCode, String sectorNameJa, @Nullable String subgroupJa,
                           @Nullable Boolean subgroupInferred, String serviceNameJa, String serviceNameEn,
                           String descriptionJa, List<String> descriptionItemsJa, List<String> outageExamplesJa,
                           List<String> outageExamplesEn, String maintenanceLevelKind,
                           @Nullable String maintenanceLevelJa, @Nullable List<String> maintenanceLevelItemsJa,
                           String effectiveMaintenanceLevelJa, @Nullable Threshold threshold,
                           List<String> reportingLawsJa, @Nullable Boolean cellsMergedInferred, String sourceLines,
                           @Nullable List<String> notes) {
    }

    @Serdeable
    record Dataset(String datasetId, SourceDocument sourceDocument, List<Note> notes, List<Sector> sectors,
                   List<Template> services) {
    }

    private final Dataset dataset;
    private final Map<String, Template> byId = new LinkedHashMap<>();
    private final Map<String, Sector> sectors = new LinkedHashMap<>();

    ServiceTemplates(JsonMapper json) {
        try (InputStream in = Objects.requireNonNull(ServiceTemplates.class.getClassLoader()
                .getResourceAsStream(RESOURCE), RESOURCE)) {
            this.dataset = json.readValue(in.readAllBytes(), Argument.of(Dataset.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        for (Sector s : dataset.sectors()) {
            sectors.put(s.code(), s);
        }
        for (Template t : dataset.services()) {
            if (byId.put(t.id(), t) != null || !sectors.containsKey(t.sectorCode())) {
                throw new IllegalStateException(RESOURCE + ": duplicate id or unknown sector in " + t.id());
            }
        }
    }

    public Optional<Template> find(@Nullable String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every template in file order (sector order of 別紙2), or only the sector's. */
    public List<Template> all(@Nullable String sectorCode) {
        return dataset.services().stream().filter(t -> sectorCode == null || t.sectorCode().equals(sectorCode))
                .toList();
    }

    public boolean sectorExists(String code) {
        return sectors.containsKey(code);
    }

    public Optional<Sector> sector(String code) {
        return Optional.ofNullable(sectors.get(code));
    }

    public SourceDocument source() {
        return dataset.sourceDocument();
    }

    public String datasetId() {
        return dataset.datasetId();
    }

    public List<Note> notes() {
        return dataset.notes();
    }
}
