package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.cloud.CloudFields.Field;
import jp.ceptoarhub.cloud.CloudFields.Type;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation and normalisation of a cloud service. The body must be a JSON object of {@link CloudFields} (an
 * unknown property is an error); text is NFKC-normalised and stripped; every error names its field, list entries as
 * {@code checks[2].status} (0-based); nothing is written unless the whole input is valid. The result holds every
 * field: scalars (null when empty) and lists (never null, [] when empty).
 */
@Singleton
class CloudRules {
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonMapper json;
    private final Clock clock;

    CloudRules(JsonMapper json, Clock clock) {
        this.clock = clock;
        this.json = json;
    }

    /** The request body as field values; 400 unless it is a JSON object of known fields. */
    Map<String, JsonNode> parse(@Nullable String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null
                    : json.readValue(body.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw Problems.invalidField("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw Problems.invalidField("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!CloudFields.BY_NAME.containsKey(e.getKey())) {
                errors.add(new FieldError(e.getKey(), "is not a field of a cloud service"));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return out;
    }

    /** A partial update laid over the stored fields: absent or null input fields keep their stored value. */
    static Map<String, JsonNode> over(Map<String, JsonNode> patch, Map<String, JsonNode> stored) {
        Map<String, JsonNode> merged = new LinkedHashMap<>(stored);
        patch.forEach((k, v) -> {
            if (v != null && !v.isNull()) {
                merged.put(k, v);
            }
        });
        return merged;
    }

    Map<String, JsonNode> valid(Map<String, JsonNode> input) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, JsonNode> data = new LinkedHashMap<>();
        for (Field f : CloudFields.ALL) {
            data.put(f.name(), value(errors, f, f.name(), input.get(f.name())));
        }
        crossChecks(errors, data);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return data;
    }

    private JsonNode value(List<FieldError> errors, Field f, String path, @Nullable JsonNode v) {
        if (f.type().list()) {
            return list(errors, f, path, v);
        }
        JsonNode out = scalar(errors, f, path, v);
        if (out.isNull() && f.required() && errors.stream().noneMatch(e -> e.field().equals(path))) {
            errors.add(new FieldError(path, "is required"));
        }
        return out;
    }

    private JsonNode scalar(List<FieldError> errors, Field f, String path, @Nullable JsonNode v) {
        if (v == null || v.isNull() || v.isString() && text(v.getStringValue()) == null) {
            return JsonNode.nullNode();
        }
        switch (f.type()) {
            case TEXT -> {
                if (!v.isString()) {
                    return fail(errors, path, "must be a string");
                }
                String t = text(v.getStringValue());
                if (t.codePointCount(0, t.length()) > f.max()) {
                    return fail(errors, path, "must be at most " + f.max() + " characters");
                }
                return JsonNode.createStringNode(t);
            }
            case BOOL -> {
                return v.isBoolean() ? v : fail(errors, path, "must be true or false (\"\" clears it)");
            }
            case PAST_DATE -> {
                if (!v.isString()) {
                    return fail(errors, path, "must be a date (YYYY-MM-DD)");
                }
                try {
                    LocalDate d = LocalDate.parse(text(v.getStringValue()));
                    if (d.getYear() < 2000 || d.getYear() > 2200) {
                        return fail(errors, path, "must be between the years 2000 and 2200");
                    }
                    if (f.type() == Type.PAST_DATE && d.isAfter(ClockFactory.today(clock).plusDays(1))) {
                        return fail(errors, path, "must not be in the future");
                    }
                    return JsonNode.createStringNode(d.toString());
                } catch (DateTimeParseException e) {
                    return fail(errors, path, "must be a date (YYYY-MM-DD)");
                }
            }
            case INT -> {
                if (!v.isNumber()) {
                    return fail(errors, path, "must be a whole number from " + f.min() + " to " + f.max());
                }
                BigDecimal n = v.getBigDecimalValue();
                if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(f.min())) < 0
                        || n.compareTo(BigDecimal.valueOf(f.max())) > 0) {
                    return fail(errors, path, "must be a whole number from " + f.min() + " to " + f.max());
                }
                return JsonNode.createNumberNode(n.intValueExact());
            }
            case PERCENT -> {
                if (!v.isNumber()) {
                    return fail(errors, path, "must be a percentage above 0 and at most 100");
                }
                BigDecimal n = v.getBigDecimalValue().stripTrailingZeros();
                if (n.signum() <= 0 || n.compareTo(HUNDRED) > 0 || n.scale() > 3) {
                    return fail(errors, path, "must be a percentage above 0 and at most 100, with at most 3 decimals");
                }
                return JsonNode.createNumberNode(new BigDecimal(n.toPlainString()));
            }
            case CODE -> {
                if (!v.isString() || f.codes().find(text(v.getStringValue())).isEmpty()) {
                    return fail(errors, path, "must be one of " + f.codes().codeNames());
                }
                return JsonNode.createStringNode(text(v.getStringValue()));
            }
            case COUNTRY -> {
                String c = v.isString() ? text(v.getStringValue()).toUpperCase(Locale.ROOT) : null;
                if (c == null || !COUNTRIES.contains(c)) {
                    return fail(errors, path, "must be an ISO 3166-1 alpha-2 country code such as JP or US");
                }
                return JsonNode.createStringNode(c);
            }
            default -> throw new IllegalStateException(f.type().name());
        }
    }

    private JsonNode list(List<FieldError> errors, Field f, String path, @Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return JsonNode.createArrayNode(List.of());
        }
        if (!v.isArray()) {
            return fail(errors, path, "must be an array ([] clears it)");
        }
        if (v.size() > f.max()) {
            return fail(errors, path, "must have at most " + f.max() + " entries");
        }
        Field element = switch (f.type()) {
            case CODES -> new Field(f.name(), Type.CODE, 0, 0, f.codes(), List.of(), true);
            case COUNTRIES -> new Field(f.name(), Type.COUNTRY, 0, 0, null, List.of(), true);
            case TEXTS -> new Field(f.name(), Type.TEXT, f.min(), 0, null, List.of(), true); // min = length per value
            default -> null;
        };
        List<JsonNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode e = v.get(i);
            if (element == null) {
                out.add(item(errors, f, at, e));
                continue;
            }
            JsonNode n = value(errors, element, at, e);
            if (!n.isNull() && !seen.add(n.getStringValue())) {
                errors.add(new FieldError(at, "appears more than once"));
            }
            out.add(n);
        }
        return JsonNode.createArrayNode(out);
    }

    private JsonNode item(List<FieldError> errors, Field list, String path, @Nullable JsonNode e) {
        if (e == null || !e.isObject()) {
            return fail(errors, path, "must be an object");
        }
        Map<String, Field> fields = CloudFields.index(list.items());
        for (Map.Entry<String, JsonNode> entry : e.entries()) {
            if (!fields.containsKey(entry.getKey())) {
                errors.add(new FieldError(path + "." + entry.getKey(), "is not a field of " + list.name() + " entries"));
            }
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Field f : list.items()) {
            JsonNode n = value(errors, f, path + "." + f.name(), e.get(f.name()));
            if (!n.isNull()) {
                out.put(f.name(), n);
            }
        }
        return JsonNode.createObjectNode(out);
    }

    /** Rules across fields and list entries. */
    private static void crossChecks(List<FieldError> errors, Map<String, JsonNode> d) {
        for (String list : List.of("checks", "measures")) {
            otherNeedsText(errors, d.get(list), list, "code", "otherText");
            unique(errors, d.get(list), list, "code");
        }
        otherNeedsText(errors, d.get("certifications"), "certifications", "code", "otherName");
        unique(errors, d.get("certifications"), "certifications", "code");
        unique(errors, d.get("responsibilities"), "responsibilities", "area");
        unique(errors, d.get("communications"), "communications", "link");
        JsonNode resp = d.get("responsibilities");
        for (int i = 0; i < resp.size(); i++) {
            JsonNode r = resp.get(i);
            if (r.isObject() && str(r.get("owner")).equals("OUTSOURCED") && r.get("party") == null) {
                errors.add(new FieldError("responsibilities[" + i + "].party", "is required when owner is OUTSOURCED"));
            }
        }
        if (d.get("dataCountryUnidentifiable").isBoolean() && d.get("dataCountryUnidentifiable").getBooleanValue()
                && d.get("dataCountryNotes").isNull() && errors.stream().noneMatch(e -> e.field().equals("dataCountryNotes"))) {
            errors.add(new FieldError("dataCountryNotes", "is required when dataCountryUnidentifiable is true: why the "
                    + "server country cannot be identified (list candidate countries in dataCountries)"));
        }
    }

    private static void otherNeedsText(List<FieldError> errors, JsonNode items, String list, String codeField,
                                       String textField) {
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || item.get(codeField) == null) {
                continue;
            }
            boolean other = str(item.get(codeField)).equals("OTHER");
            String at = list + "[" + i + "]." + textField;
            if (other && item.get(textField) == null && errors.stream().noneMatch(e -> e.field().equals(at))) {
                errors.add(new FieldError(at, "is required when " + codeField + " is OTHER"));
            } else if (!other && item.get(textField) != null) {
                errors.add(new FieldError(at, "is allowed only when " + codeField
                        + " is OTHER"));
            }
        }
    }

    private static void unique(List<FieldError> errors, JsonNode items, String list, String key) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || item.get(key) == null || str(item.get(key)).equals("OTHER")) {
                continue;
            }
            if (!seen.add(str(item.get(key)))) {
                errors.add(new FieldError(list + "[" + i + "]." + key, "appears more than once in " + list));
            }
        }
    }

    private static String str(@Nullable JsonNode n) {
        return n == null || !n.isString() ? "" : n.getStringValue();
    }

    private static JsonNode fail(List<FieldError> errors, String path, String message) {
        errors.add(new FieldError(path, message));
        return JsonNode.nullNode();
    }

    static @Nullable String text(@Nullable String s) {
        return JapaneseText.normalize(s);
    }
}
