package jp.ceptoarhub.ops;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lints and renders the Helm chart in helm/ceptoar-hub with helm-java (Helm linked as a native
 * library: no helm binary and no cluster needed) and checks the rendered manifests.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "ceptoar-hub");
    private static final String RELEASE = "hub";
    private static final String NAMESPACE = "ceptoar";

    @Test
    void lintStrictPassesWithDefaultValues() {
        assertThat(CHART.resolve("Chart.yaml")).exists();

        LintResult result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed())
                .as("helm lint --strict messages: %s", result.getMessages())
                .isFalse();
        assertThat(result.getMessages())
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @Test
    void defaultValuesRenderAllResourcesWithHardenedContainer() {
        List<Map<String, Object>> manifests = render(template());

        assertThat(kinds(manifests)).contains(
                "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "ConfigMap", "Secret", "ServiceAccount");
        assertThat(kinds(manifests)).doesNotContain("Ingress");

        Map<String, Object> container = container(single(manifests, "Deployment"));
        Map<String, Object> securityContext = map(container.get("securityContext"));
        assertThat(securityContext.get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(securityContext.get("runAsNonRoot")).isEqualTo(true);
        assertThat(securityContext.get("allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(map(securityContext.get("capabilities")).get("drop")).isEqualTo(List.of("ALL"));

        assertThat(probePath(container, "livenessProbe")).isEqualTo("/health/liveness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/health/readiness");
        assertThat(probePath(container, "startupProbe")).isEqualTo("/health/liveness");
        // Readiness asks the database, which the service waits for at most connection-timeout: the probe must wait
        // longer, or a slow database reads as a probe timeout instead of "not ready".
        Map<String, Object> appConfig = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(readString(Path.of("src", "main", "resources", "application.yml")));
        int connectionTimeoutMs = (Integer) map(map(map(appConfig.get("datasources")).get("default"))).get("connection-timeout");
        assertThat((Integer) map(container.get("readinessProbe")).get("timeoutSeconds") * 1000)
                .isGreaterThan(connectionTimeoutMs);

        assertThat(list(container.get("volumeMounts")))
                .anySatisfy(mount -> assertThat(map(mount).get("mountPath")).isEqualTo("/tmp"));

        Map<String, Object> podSpec = podSpec(single(manifests, "Deployment"));
        assertThat(podSpec.get("automountServiceAccountToken")).isEqualTo(false);
        assertThat(map(podSpec.get("securityContext")).get("runAsUser")).isEqualTo(10001);

        Map<String, Object> configData = map(single(manifests, "ConfigMap").get("data"));
        // 国家サイバー統括室, escaped so that the check does not depend on the source encoding
        assertThat(configData.get("CEPTOAR_NATIONAL_DISPLAY_NAME_JA"))
                .isEqualTo("\u56fd\u5bb6\u30b5\u30a4\u30d0\u30fc\u7d71\u62ec\u5ba4");
        assertThat(configData).doesNotContainKey("CEPTOAR_DEMO_ENABLED");
        assertThat(configData.get("CEPTOAR_KEYCLOAK_PUBLIC_URL")).isEqualTo(configData.get("CEPTOAR_KEYCLOAK_BASE_URL"));
    }

    @Test
    void existingSecretReplacesTheChartSecret() {
        List<Map<String, Object>> manifests = render(template().set("existingSecret", "hub-credentials"));

        assertThat(kinds(manifests)).doesNotContain("Secret");

        Map<String, Object> container = container(single(manifests, "Deployment"));
        Map<String, String> secretRefs = list(container.get("env")).stream()
                .map(HelmChartTest::map)
                .filter(env -> env.get("valueFrom") != null)
                .collect(Collectors.toMap(
                        env -> (String) env.get("name"),
                        env -> (String) map(map(env.get("valueFrom")).get("secretKeyRef")).get("name")));
        assertThat(secretRefs)
                .containsEntry("DATASOURCES_DEFAULT_PASSWORD", "hub-credentials")
                .containsEntry("CEPTOAR_KEYCLOAK_ADMIN_CLIENT_SECRET", "hub-credentials");
    }

    @Test
    void valuesViolatingTheSchemaAreRejected() {
        // Control: a valid replicaCount renders, so the failures below come from the values.
        assertThat(kinds(render(template().set("replicaCount", "3")))).contains("Deployment");

        assertThatThrownBy(() -> template().set("replicaCount", "two").call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> template().set("notAChartValue", "x").call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema")
                .hasMessageContaining("notAChartValue");
    }

    @Test
    void replicasAreOwnedByTheHpaWhenItIsEnabled() {
        List<Map<String, Object>> withHpa = render(template());
        assertThat(kinds(withHpa)).contains("HorizontalPodAutoscaler");
        assertThat(map(single(withHpa, "Deployment").get("spec"))).doesNotContainKey("replicas");

        List<Map<String, Object>> withoutHpa = render(template()
                .set("hpa.enabled", "false")
                .set("replicaCount", "3"));
        assertThat(kinds(withoutHpa)).doesNotContain("HorizontalPodAutoscaler");
        assertThat(map(single(withoutHpa, "Deployment").get("spec"))).containsEntry("replicas", 3);
    }

    private static TemplateCommand template() {
        assertThat(Files.isDirectory(CHART)).as("chart directory %s", CHART.toAbsolutePath()).isTrue();
        return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
    }

    private static List<Map<String, Object>> render(TemplateCommand command) {
        String output = command.call();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : yaml.loadAll(output)) {
            if (document != null) {
                manifests.add(map(document));
            }
        }
        assertThat(manifests).as("rendered manifests").isNotEmpty();
        return manifests;
    }

    private static List<String> kinds(List<Map<String, Object>> manifests) {
        return manifests.stream().map(manifest -> (String) manifest.get("kind")).collect(Collectors.toList());
    }

    private static Map<String, Object> single(List<Map<String, Object>> manifests, String kind) {
        List<Map<String, Object>> matching = manifests.stream()
                .filter(manifest -> kind.equals(manifest.get("kind")))
                .collect(Collectors.toList());
        assertThat(matching).as("manifests of kind %s", kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(podSpec(deployment).get("containers"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        assertThat(container).containsKey(probe);
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
