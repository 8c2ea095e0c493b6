package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What an edit changed, field by field: the unit of a readiness record's change history. Records describe their
 * editable fields as a snapshot of JSON values; two snapshots give the changed fields, before and after.
 */
public record FieldChanges(Map<String, JsonNode> before, Map<String, JsonNode> after) {

    /** The fields whose values differ; {@code canonical} renders a value for comparison (e.g. compact JSON). */
    public static FieldChanges between(Map<String, JsonNode> before, Map<String, JsonNode> after,
                                       Function<JsonNode, String> canonical) {
        Map<String, JsonNode> changedBefore = new LinkedHashMap<>();
        Map<String, JsonNode> changedAfter = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            if (!canonical.apply(before.get(field)).equals(canonical.apply(after.get(field)))) {
                changedBefore.put(field, before.get(field));
                changedAfter.put(field, after.get(field));
            }
        }
        return new FieldChanges(changedBefore, changedAfter);
    }

    public boolean isEmpty() {
        return after.isEmpty();
    }

    public static JsonNode text(@Nullable String s) {
        return s == null ? JsonNode.nullNode() : JsonNode.createStringNode(s);
    }

    public static JsonNode date(@Nullable LocalDate d) {
        return d == null ? JsonNode.nullNode() : JsonNode.createStringNode(d.toString());
    }

    public static JsonNode number(@Nullable Number n) {
        return n == null ? JsonNode.nullNode() : JsonNode.createNumberNode(n.longValue());
    }

    /** A list of codes or names as a JSON array of strings. */
    public static JsonNode texts(Collection<String> values) {
        return JsonNode.createArrayNode(values.stream().map(JsonNode::createStringNode).toList());
    }

    /** A list of record ids as a JSON array of numbers. */
    public static JsonNode ids(Collection<Long> values) {
        return JsonNode.createArrayNode(values.stream().map(JsonNode::createNumberNode).toList());
    }
}
