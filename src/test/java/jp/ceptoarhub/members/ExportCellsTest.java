package jp.ceptoarhub.members;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How one exported record becomes the cells of an .xlsx row (the spec's "dotted columns, lists joined with ; "). */
class ExportCellsTest {

    @Test
    void listsOfObjectsBecomeOneDottedColumnPerFieldWithAlignedValues() {
        JsonNode record = object(
                "id", JsonNode.createNumberNode(7),
                "channels", array(
                        object("type", text("PHONE"), "value", text("+81-3-1234-5678")),
                        object("type", text("EMAIL"), "value", text("a@example.jp"), "verifiedAt", text("2025-04-01"))),
                "measures", array(
                        object("code", text("BACKUP"), "labels", array(text("バックアップ"), text("復旧訓練"))),
                        object("code", text("MFA"))),
                "incidentContact", object("phone", text("03-1234-5678"), "afterHours", JsonNode.createBooleanNode(true)),
                "servicesSupplied", array(text("運用"), text("保守")),
                "notes", JsonNode.nullNode(),
                "missing", array());

        assertThat(MemberExportService.flatten(record)).containsExactly(
                Map.entry("id", "7"),
                Map.entry("channels.type", "PHONE; EMAIL"),
                Map.entry("channels.value", "'+81-3-1234-5678; a@example.jp"),
                Map.entry("channels.verifiedAt", "; 2025-04-01"),
                Map.entry("measures.code", "BACKUP; MFA"),
                Map.entry("measures.labels", "バックアップ, 復旧訓練; "),
                Map.entry("incidentContact.phone", "03-1234-5678"),
                Map.entry("incidentContact.afterHours", "true"),
                Map.entry("servicesSupplied", "運用; 保守"));
    }

    private static JsonNode text(String s) {
        return JsonNode.createStringNode(s);
    }

    private static JsonNode array(JsonNode... items) {
        return JsonNode.createArrayNode(List.of(items));
    }

    private static JsonNode object(Object... keyValues) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (JsonNode) keyValues[i + 1]);
        }
        return JsonNode.createObjectNode(m);
    }
}
