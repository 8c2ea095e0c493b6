package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supplier types (サイバー空間関連事業者 of the action plan's glossary, plus the generic 外部委託先), read as data
 * from {@code reference-data/service-maintenance-levels.json} ("supplierTypes"): codes, ja/en labels, definitions
 * and source lines. Nothing of the list is retyped in Java.
 */
@Singleton
class SupplierTypes {
    static final String RESOURCE = "reference-data/service-maintenance-levels.json";

    record SupplierType(String code, String labelJa, String labelEn, @Nullable String definitionJa,
                        @Nullable String definitionEn, @Nullable String category, @Nullable String sourceLines) {
        String label(Labels lang) {
            return lang.pick(labelJa, labelEn);
        }
    }

    private final Map<String, SupplierType> byCode;
    private final List<SupplierType> ordered;

    @SuppressWarnings("unchecked")
    SupplierTypes(JsonMapper json) {
        Map<String, Object> data;
        try (InputStream in = SupplierTypes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            data = json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, SupplierType> out = new LinkedHashMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) data.get("supplierTypes")) {
            SupplierType type = new SupplierType((String) t.get("code"), (String) t.get("labelJa"),
                    (String) t.get("labelEn"), (String) t.get("definitionJa"), (String) t.get("definitionEn"),
                    (String) t.get("category"), (String) t.get("sourceLines"));
            out.put(type.code(), type);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no supplierTypes");
        }
        this.byCode = Map.copyOf(out);
        this.ordered = List.copyOf(out.values());
    }

    /** In the order of the reference data. */
    List<SupplierType> all() {
        return ordered;
    }

    Optional<SupplierType> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    String codes() {
        return String.join(", ", ordered.stream().map(SupplierType::code).toList());
    }
}
