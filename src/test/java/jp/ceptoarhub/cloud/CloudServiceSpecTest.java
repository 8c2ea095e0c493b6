package jp.ceptoarhub.cloud;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-spec/openapi.yaml and the code agree on the cloud services vocabulary: every enumeration schema lists exactly
 * the codes of {@link CloudCodes}, and the create schema, the response schema and every list-entry schema name
 * exactly the fields of {@link CloudFields} (so a field or code added on one side only fails the build).
 */
@SuppressWarnings("unchecked")
class CloudServiceSpecTest {

    private static Map<String, Map<String, Object>> schemas() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("api-spec", "openapi.yaml"), StandardCharsets.UTF_8)) {
            Map<String, Object> spec = new Yaml().load(r);
            return (Map<String, Map<String, Object>>) ((Map<String, Object>) spec.get("components")).get("schemas");
        }
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> props(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    @Test
    void everyEnumerationAndFieldOfTheCodeIsInTheSpecAndNothingElse() throws Exception {
        Map<String, Map<String, Object>> schemas = schemas();
        for (CloudCodes.CodeList list : CloudCodes.ALL.values()) {
            Map<String, Object> schema = schemas.get("CloudService" + cap(list.name()));
            assertThat(schema).as(list.name()).isNotNull();
            assertThat((List<Object>) schema.get("enum")).as(list.name()).map(String::valueOf)
                    .containsExactlyElementsOf(list.codes().stream().map(CloudCodes.Code::code).toList());
        }
        List<String> names = CloudFields.ALL.stream().map(CloudFields.Field::name).toList();
        assertThat(props(schemas.get("CloudServiceCreate")).keySet()).containsExactlyElementsOf(names);
        assertThat((List<String>) schemas.get("CloudServiceCreate").get("required"))
                .containsExactlyInAnyOrderElementsOf(CloudFields.ALL.stream().filter(CloudFields.Field::required)
                        .map(CloudFields.Field::name).toList());
        Map<String, Object> view = props(schemas.get("CloudService"));
        assertThat(view.keySet()).containsAll(names);
        for (CloudFields.Field f : CloudFields.ALL) {
            if (f.type() == CloudFields.Type.CODE) {
                assertThat(view).as(f.name()).containsKey(f.name() + "Label");
            }
            if (f.type() == CloudFields.Type.CODES) {
                assertThat(view).as(f.name()).containsKey(f.name() + "Labels");
            }
            if (f.type() == CloudFields.Type.ITEMS) {
                Map<String, Object> items = (Map<String, Object>) ((Map<String, Object>) view.get(f.name())).get("items");
                String ref = (String) items.get("$ref");
                Map<String, Object> entry = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(props(entry).keySet().stream().filter(k -> !k.endsWith("Label")).toList()).as(f.name())
                        .containsExactlyElementsOf(f.items().stream().map(CloudFields.Field::name).toList());
            }
        }
    }
}
