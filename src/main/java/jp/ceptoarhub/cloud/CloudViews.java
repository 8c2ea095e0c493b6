package jp.ceptoarhub.cloud;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.cloud.CloudFields.Field;
import jp.ceptoarhub.cloud.CloudFields.Type;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cloud service as the API shows it (schema CloudService): every field of {@link CloudFields} that has a value
 * (lists always, [] when empty), a {@code …Label} next to every code and {@code …Labels} next to every list of
 * codes in the response language, and the derived {@code slaAllowedDowntimeMinutesPerMonth} and
 * {@code completeness}. In delta sync a deleted service is the tombstone {@code {id, deleted: true, deletedAt}}.
 */
final class CloudViews {
    private CloudViews() {
    }

    /** Minutes in a 30-day month, the basis of the guidance's downtime table (99.9% → 43.2 min, L40723–40735). */
    private static final BigDecimal MONTH_MINUTES = BigDecimal.valueOf(30L * 24 * 60);

    static JsonNode of(CloudService s, Labels lang) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("id", JsonNode.createNumberNode(s.id()));
        m.put("deleted", JsonNode.createBooleanNode(s.deleted()));
        if (s.deleted()) {
            m.put("deletedAt", JsonNode.createStringNode(s.deletedAt().toString()));
            return JsonNode.createObjectNode(m);
        }
        m.put("memberId", JsonNode.createNumberNode(s.memberOperatorId()));
        for (Field f : CloudFields.ALL) {
            put(m, f, s.data().get(f.name()), lang);
        }
        JsonNode sla = s.data().get("slaAvailabilityPercent");
        if (sla != null && !sla.isNull()) {
            BigDecimal down = BigDecimal.valueOf(100).subtract(sla.getBigDecimalValue()).multiply(MONTH_MINUTES)
                    .divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP);
            m.put("slaAllowedDowntimeMinutesPerMonth", JsonNode.createNumberNode(
                    new BigDecimal(down.stripTrailingZeros().toPlainString())));
        }
        List<String> missing = CloudFreshness.missing(s.data());
        m.put("complete", JsonNode.createBooleanNode(missing.isEmpty()));
        m.put("missingForComplete", JsonNode.createArrayNode(missing.stream().map(JsonNode::createStringNode).toList()));
        m.put("createdAt", JsonNode.createStringNode(s.createdAt().toString()));
        m.put("updatedAt", JsonNode.createStringNode(s.updatedAt().toString()));
        m.put("version", JsonNode.createNumberNode(s.version()));
        return JsonNode.createObjectNode(m);
    }

    private static void put(Map<String, JsonNode> m, Field f, @Nullable JsonNode v, Labels lang) {
        if (v == null || v.isNull()) {
            return;
        }
        m.put(f.name(), f.type() == Type.ITEMS ? items(f, v, lang) : v);
        if (f.type() == Type.CODE) {
            f.codes().find(v.getStringValue()).ifPresent(c -> m.put(f.name() + "Label",
                    JsonNode.createStringNode(c.label(lang))));
        } else if (f.type() == Type.CODES) {
            List<JsonNode> labels = new ArrayList<>();
            for (JsonNode c : v.values()) {
                f.codes().find(c.getStringValue()).ifPresent(code -> labels.add(JsonNode.createStringNode(code.label(lang))));
            }
            m.put(f.name() + "Labels", JsonNode.createArrayNode(labels));
        }
    }

    private static JsonNode items(Field list, JsonNode v, Labels lang) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : v.values()) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (Field f : list.items()) {
                put(m, f, item.get(f.name()), lang);
            }
            out.add(JsonNode.createObjectNode(m));
        }
        return JsonNode.createArrayNode(out);
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int serviceCount) {
        static Confirmation of(RecordLifecycle.Confirmation c) {
            return new Confirmation(c.memberId(), c.confirmedAt(), c.confirmedBy(),
                    c.count(RecordType.CLOUD_SERVICES.code()));
        }
    }
}
