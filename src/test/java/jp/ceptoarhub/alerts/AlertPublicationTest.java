package jp.ceptoarhub.alerts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What leaves the system: STIX 2.1 bundles with the OASIS TLP 2.0 markings, capped by the tenant's export ceiling;
 * export files; the public Atom feed of CLEAR alerts (and nothing else); the tenant's alert settings. Sectors of
 * this class: PETROLEUM and CREDIT_CARDS.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AlertPublicationTest extends AlertsTestSupport {
    @Inject
    JsonMapper json;

    @Test
    void aStixBundleCarriesTheOasisMarkingTheStatementAndOnlyTheIdentity() throws Exception {
        Tenant t = ceptoar("PETROLEUM_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long m = member(admin, "PETROLEUM", "PETROLEUM_GENERAL", "MEMBER");
        String reader = token(person(t, Role.OPERATOR_STAFF, m));
        Map<String, Object> body = alert("WARNING", "AMBER", "石油分野の警報", List.of(rule("MEMBERS")));
        body.put("specialRemarks", "企業名を除けば他分野への情報提供可");
        Map a = alertOf(sent(admin, body));
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/api/v1/alerts/" + id(a) + "/stix")
                .accept("application/stix+json;version=2.1").bearerAuth(reader), String.class);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/stix+json");
        assertThat(r.getHeaders().get("Cache-Control")).isEqualTo("no-store");
        List<Map> objects = (List<Map>) json.readValue(r.body(), Map.class).get("objects");
        Map marking = objects.stream().filter(o -> "TLP:AMBER".equals(o.get("name"))).findFirst().orElseThrow();
        assertThat(marking.get("id")).isEqualTo("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
        Map statement = objects.stream().filter(o -> "statement".equals(o.get("definition_type"))).findFirst().orElseThrow();
        assertThat(((Map) statement.get("definition")).get("statement")).isEqualTo("企業名を除けば他分野への情報提供可");
        Map identity = objects.stream().filter(o -> "identity".equals(o.get("type"))).findFirst().orElseThrow();
        Map report = objects.stream().filter(o -> "report".equals(o.get("type"))).findFirst().orElseThrow();
        assertThat(report.get("object_refs")).isEqualTo(List.of(identity.get("id")));
        assertThat((List) report.get("object_marking_refs")).containsExactly(marking.get("id"), statement.get("id"));
        assertThat((List) identity.get("object_marking_refs")).containsExactly(marking.get("id"));
        assertThat(report.get("name")).isEqualTo("[" + a.get("number") + "] 石油分野の警報");
        assertThat((String) report.get("published")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat((String) report.get("description")).contains("①概要").contains("③対処方針");
        // the same alert exported again is the same report (name-based id)
        Map again = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/alerts/" + id(a) + "/stix")
                .accept("application/json").bearerAuth(reader), Map.class);
        assertThat(((List<Map>) again.get("objects")).stream().filter(o -> "report".equals(o.get("type")))
                .findFirst().orElseThrow().get("id")).isEqualTo(report.get("id"));
    }

    @Test
    void theExportCeilingKeepsRedAndAmberStrictInTheAppUntilTheTenantRaisesIt() {
        Tenant t = ceptoar("PETROLEUM_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        member(admin, "PETROLEUM", "PETROLEUM_GENERAL", "MEMBER");
        long strict = id(alertOf(sent(admin, alert("ADVISORY", "AMBER_STRICT", "組織内限り", List.of(rule("MEMBERS"))))));
        long amber = id(alertOf(sent(admin, alert("ADVISORY", "AMBER", "関係者限り", List.of(rule("MEMBERS"))))));
        HttpResponse<Map> refused = error(HttpRequest.GET("/api/v1/alerts/" + strict + "/stix").bearerAuth(admin));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.getBody(Map.class).orElseThrow().get("type")).isEqualTo("urn:ceptoar-hub:problem:export-above-ceiling");
        List<Map> exported = (List<Map>) get("/api/v1/alerts/export?format=json", admin).get("items");
        assertThat(exported).extracting(x -> id(x)).contains(amber).doesNotContain(strict);
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/alerts/export").accept("text/csv").bearerAuth(admin));
        assertThat(csv).startsWith("\uFEFF識別番号,第n報").contains("関係者限り").doesNotContain("組織内限り");

        // settings: only the secretariat admin raises the ceiling, with If-Match
        HttpResponse<Map> settings = exchange(HttpRequest.GET("/api/v1/alerts/settings"), admin, Map.class);
        assertThat(((Map) settings.body().get("maxExportTlp")).get("code")).isEqualTo("AMBER");
        assertThat(settings.body().get("numberPrefix")).isEqualTo("A");
        String staff = token(person(t, Role.SECRETARIAT_STAFF));
        assertThat(status(HttpRequest.PUT("/api/v1/alerts/settings", Map.of("maxExportTlp", "RED")).header("If-Match", "*"), staff))
                .isEqualTo(403);
        assertThat(status(HttpRequest.PUT("/api/v1/alerts/settings", Map.of("maxExportTlp", "RED")), admin)).isEqualTo(428);
        assertThat(status(HttpRequest.PUT("/api/v1/alerts/settings", Map.of("maxExportTlp", "BLACK"))
                .header("If-Match", settings.getHeaders().get("ETag")), admin)).isEqualTo(400);
        assertThat(status(HttpRequest.PUT("/api/v1/alerts/settings", Map.of("numberPrefix", "T"))
                .header("If-Match", settings.getHeaders().get("ETag")), admin)).as("T is NISC's series").isEqualTo(400);
        Map raised = exchange(HttpRequest.PUT("/api/v1/alerts/settings", Map.of("maxExportTlp", "AMBER_STRICT",
                "numberPrefix", "PET")).header("If-Match", settings.getHeaders().get("ETag")), admin, Map.class).body();
        assertThat(((Map) raised.get("maxExportTlp")).get("code")).isEqualTo("AMBER_STRICT");
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + strict + "/stix"), admin)).isEqualTo(200);
        // the new prefix numbers new alerts; numbers already given stay
        Map next = alertOf(sent(admin, alert("INFORMATION", "GREEN", "新しい番号", List.of(rule("MEMBERS")))));
        assertThat(next.get("number")).asString().matches("PET\\d+");
        assertThat(get("/api/v1/alerts/" + amber, admin).get("number")).asString().matches("A\\d+");
    }

    @Test
    void thePublicFeedCarriesClearAlertsOnlyAndLosesWithdrawnOnes() {
        Tenant t = ceptoar("CREDIT_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        member(admin, "CREDIT_CARDS", "CREDIT_CARDS_GENERAL", "MEMBER");
        long clear = id(alertOf(sent(admin, alert("INFORMATION", "CLEAR", "公開：フィッシングサイトの注意", List.of(rule("MEMBERS"))))));
        long green = id(alertOf(sent(admin, alert("INFORMATION", "GREEN", "関係主体限りの情報", List.of(rule("MEMBERS"))))));
        HttpResponse<String> feed = http.toBlocking().exchange(HttpRequest.GET("/api/v1/public/ceptoars/" + t.code() + "/alert-feed"),
                String.class);
        assertThat(feed.getHeaders().get("Content-Type")).startsWith("application/atom+xml");
        String xml = feed.body();
        assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"").contains("公開：フィッシングサイトの注意")
                .contains("urn:ceptoar-hub:alert:" + t.id() + ":" + clear).doesNotContain("関係主体限りの情報")
                .doesNotContain(":" + green + "<");
        // an unknown CEPTOAR has no feed
        assertThat(status(HttpRequest.GET("/api/v1/public/ceptoars/no-such-ceptoar/alert-feed"), null)).isEqualTo(404);
        // withdrawn: off the feed, still readable by its audience with the reason
        Map withdrawn = exchange(HttpRequest.POST("/api/v1/alerts/" + clear + "/withdraw", Map.of("reason", "誤送信のため")),
                admin, Map.class).body();
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        assertThat(((Map) withdrawn.get("withdrawn")).get("reason")).isEqualTo("誤送信のため");
        assertThat(http.toBlocking().retrieve("/api/v1/public/ceptoars/" + t.code() + "/alert-feed"))
                .doesNotContain("公開：フィッシングサイトの注意");
        assertThat(status(HttpRequest.POST("/api/v1/alerts/" + green + "/withdraw", Map.of()), admin)).isEqualTo(400);
        // the national feed carries NISC's CLEAR provisions
        String nisc = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        long national = id(alertOf(sent(nisc, alert("INFORMATION", "CLEAR", "公開：脆弱性情報の周知",
                List.of(rule("SECTOR", "sectorCode", "CREDIT_CARDS"))))));
        assertThat(http.toBlocking().retrieve("/api/v1/public/national/alert-feed")).contains(":" + national + "</id>");
    }
}
