package jp.ceptoarhub.reference;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The national reference data is encoded exactly as published, with Japanese labels by default and English on request. */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ReferenceDataTest extends IntegrationTest {
    String token;

    @BeforeAll
    void login() {
        token = token(person(newTenant("参照データ試験"), Role.OPERATOR_STAFF));
    }

    private List<Map> list(String path, String language) {
        var request = HttpRequest.GET("/api/v1/reference/" + path).bearerAuth(token);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.toBlocking().retrieve(request, io.micronaut.core.type.Argument.listOf(Map.class));
    }

    @Test
    void fifteenSectorsInTheActionPlansOrderWithSubSectors() {
        List<Map> sectors = list("sectors", null);
        assertThat(sectors).extracting(s -> s.get("label")).containsExactly("情報通信", "金融", "航空", "空港", "鉄道", "電力",
                "ガス", "政府・行政サービス", "医療", "水道", "物流", "化学", "クレジット", "石油", "港湾");
        assertThat(sectors).allSatisfy(s -> assertThat((List) s.get("subSectors")).isNotEmpty());
        Map finance = sectors.get(1);
        assertThat((List<Map>) finance.get("subSectors")).extracting(s -> s.get("nameJa"))
                .containsExactly("銀行等", "生命保険", "損害保険", "証券", "資金決済");
        assertThat(list("sectors", "en;q=0.9, ja;q=0.5").get(5).get("label")).isEqualTo("Electric Power");
    }

    @Test
    void theTwentyOneCeptoarsOfSeptember2024() {
        List<Map> ceptoars = list("ceptoars", null);
        assertThat(ceptoars).hasSize(21);
        assertThat(ceptoars.getFirst()).containsEntry("nameJa", "T-CEPTOAR").containsEntry("secretariatJa", "(一社)ICT-ISAC")
                .containsEntry("asOf", "2024-09-30");
        assertThat(ceptoars).extracting(c -> c.get("nameJa")).contains("電力CEPTOAR", "自治体CEPTOAR", "水道CEPTOAR", "港湾CEPTOAR")
                .doesNotContain("金融CEPTOAR連絡協議会");
        Map localGov = ceptoars.stream().filter(c -> "自治体CEPTOAR".equals(c.get("nameJa"))).findFirst().orElseThrow();
        assertThat((String) localGov.get("membersJa")).contains("1,741市区町村");
    }

    @Test
    void eventAndCauseTypesOfAppendix3() {
        List<Map> events = list("event-types", null);
        assertThat(events).extracting(e -> e.get("code")).containsExactly(
                "NOT_OCCURRED.PRECURSOR_NEAR_MISS", "OCCURRED.CONFIDENTIALITY.INFO_LEAK",
                "OCCURRED.INTEGRITY.INFO_DESTRUCTION", "OCCURRED.AVAILABILITY.SYSTEM_UNUSABLE",
                "OCCURRED.LEADING_TO_ABOVE.MALWARE_INFECTION", "OCCURRED.LEADING_TO_ABOVE.MALICIOUS_CODE_EXECUTION",
                "OCCURRED.LEADING_TO_ABOVE.SYSTEM_INTRUSION", "OCCURRED.OTHER");
        assertThat(events.getFirst().get("label")).isEqualTo("予兆・ヒヤリハット");
        List<Map> causes = list("cause-types", "en");
        assertThat(causes).extracting(c -> c.get("code")).containsExactly("INTENTIONAL", "ACCIDENTAL", "ENVIRONMENTAL", "OTHER");
        assertThat(causes).extracting(c -> c.get("nameJa")).containsExactly("意図的な原因", "偶発的な原因", "環境的な原因", "その他の原因");
        assertThat((List) causes.get(1).get("examples")).isNotEmpty();
    }

    @Test
    void importanceAndTlpLevels() {
        assertThat(list("importance-levels", null)).extracting(i -> i.get("nameJa")).containsExactly("警報", "注意喚起", "参考情報");
        List<Map> tlp = list("tlp-levels", "en");
        assertThat(tlp).extracting(t -> t.get("code")).containsExactly("RED", "AMBER_STRICT", "AMBER", "GREEN", "CLEAR");
        assertThat(tlp.get(1).get("nameEn")).isEqualTo("TLP:AMBER+STRICT");
        // the three RED definitions of the sources are visible to clients: the narrative (audience) and both forms
        Map red = tlp.getFirst();
        assertThat((String) red.get("audience")).contains("the competent critical-infrastructure ministry");
        assertThat(red).containsEntry("liaisonFormJa", "NISC重要インフラ防護担当(※１)限り")
                .containsEntry("provisionFormJa", "情報提供先の重要インフラ所管省庁限り");
        assertThat((String) red.get("sourceNote")).contains("three ways").contains("Table 5");
        assertThat((String) tlp.get(3).get("provisionFormJa")).isEqualTo("重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者限り");
        assertThat((String) tlp.get(3).get("sourceNote")).contains("narrower");
        assertThat(tlp.get(4)).doesNotContainKey("liaisonFormJa");
        assertThat(tlp).allSatisfy(t -> assertThat((String) t.get("sourceNote")).contains("(*1)"));
        assertThat((String) list("tlp-levels", "ja").getFirst().get("sourceNote")).startsWith("REDの範囲は出典により三通り");
    }

    @Test
    void referenceDataNeedsAToken() {
        assertThat(error(HttpRequest.GET("/api/v1/reference/sectors")).code()).isEqualTo(401);
    }

    @Test
    void unknownRoutesAnswerWithProblemJson() {
        var r = error(HttpRequest.GET("/api/v1/no-such-thing").bearerAuth(token));
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.getContentType().map(Object::toString)).contains("application/problem+json");
        assertThat(r.getBody(Map.class).orElseThrow()).containsKey("title");
    }
}
