package jp.ceptoarhub.national;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.national.disclosure.attack.IndependentAttacker;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release over two contributing CEPTOARs of 12 members each, built through the API (members, answers, campaign,
 * submissions accepted by the secretariat), read back by its whole audience: NISC analysts publish and read, the
 * NISC system client reads, platform admins also read the reason codes, CEPTOAR users reach nothing. The published
 * JSON is attacked by the independent attacker as NISC, every secretariat and every member.
 */
@MicronautTest(transactional = false)
class NationalReleaseTest extends MemberRecordsTestSupport {
    private static final String RELEASES = "/api/v1/national/releases";
    private static final String AUDIT = "q.governance.audit";
    private static final String CONTRIBUTION = "/api/v1/national-contribution";

    private final LocalDate referenceDate = LocalDate.of(2001, 3, 31)
            .plusYears(ThreadLocalRandom.current().nextInt(20));
    private Tenant electricity;
    private Tenant railways;
    private Tenant late;
    private Tenant optedOut;
    private String niscAnalyst;
    /** snapshot key (tenant code:member id) → base group and answers, as the attacker's truth. */
    private final Map<String, String> groupOf = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> answers = new LinkedHashMap<>();

    @BeforeAll
    void population() {
        electricity = newTenant("電力試験CEPTOAR");
        railways = newTenant("鉄道試験CEPTOAR");
        late = newTenant("未承認CEPTOAR");
        // 電力: 7 internal audits, 5 none; 鉄道: 6 and 6; hand counts in the assertions below
        contribute(electricity, "ELECTRICITY", 7, 5, true);
        contribute(railways, "RAILWAYS", 6, 6, true);
        // accepted submissions, but its secretariat does not contribute: in no release
        optedOut = newTenant("不参加CEPTOAR");
        String optedOutAdmin = contribute(optedOut, "GAS", 12, 0, false);
        HttpResponse<Map> setting = exchange(HttpRequest.GET(CONTRIBUTION), optedOutAdmin, Map.class);
        assertThat(setting.body()).containsEntry("contributes", true);
        assertThat(exchange(HttpRequest.PUT(CONTRIBUTION, Map.of("contributes", false))
                .header("If-Match", setting.header("ETag")), optedOutAdmin, Map.class).body())
                .containsEntry("contributes", false);
        // submitted but not yet accepted: not part of any summary
        String sec = token(person(late, Role.SECRETARIAT_ADMIN));
        long campaign = campaign(sec);
        for (int i = 0; i < 12; i++) {
            long member = member(sec, "ELECTRICITY");
            answer(sec, member, "internal-only");
            assertThat(exchange(HttpRequest.POST(submission(member, campaign), Map.of()), sec, Map.class).code())
                    .isEqualTo(201);
        }
        niscAnalyst = token(person(national(), Role.NISC_ANALYST));
    }

    /** Members with accepted submissions; {@code truth}: the attacker knows them as contributors. */
    private String contribute(Tenant tenant, String sector, int internal, int neither, boolean truth) {
        String sec = token(person(tenant, Role.SECRETARIAT_ADMIN));
        long campaign = campaign(sec);
        for (int i = 0; i < internal + neither; i++) {
            long member = member(sec, sector);
            String option = i < internal ? "internal-only" : "neither";
            Map<String, List<String>> given = answer(sec, member, option);
            HttpResponse<Map> submitted = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), sec,
                    Map.class);
            assertThat(exchange(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of())
                    .header("If-Match", submitted.header("ETag")), sec, Map.class).code()).isEqualTo(200);
            String key = tenant.code() + ":" + member;
            if (truth) {
                groupOf.put(key, tenant.code());
                given.forEach((q, o) -> answers.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(key, o));
            }
        }
        return sec;
    }

    private long campaign(String sec) {
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/self-assessment/campaigns", Map.of("title",
                "年次調査", "referenceDate", referenceDate.toString(), "deadline",
                referenceDate.plusMonths(1).toString())), sec, Map.class);
        return ((Number) r.body().get("id")).longValue();
    }

    private long member(String sec, String sector) {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "試験事業者株式会社");
        body.put("nameKana", "シケンジギョウシャカブシキガイシャ");
        body.put("corporateNumber", OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString());
        body.put("sectorCode", sector);
        body.put("membershipKind", "MEMBER");
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", body), sec, Map.class);
        return ((Number) r.body().get("id")).longValue();
    }

    /** Every question required for completeness with its first selectable option, and AUDIT with {@code audit}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, List<String>> answer(String sec, long member, String audit) {
        Map catalogue = get("/api/v1/self-assessment/catalogue", sec);
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            if (!Boolean.TRUE.equals(q.get("requiredForCompleteness"))) {
                continue;
            }
            Map option = ((List<Map>) q.get("options")).stream()
                    .filter(o -> Boolean.TRUE.equals(o.get("selectable")))
                    .filter(o -> !Boolean.TRUE.equals(o.get("requiresText"))).findFirst().orElse(null);
            if (option == null) {
                continue;
            }
            String id = (String) q.get("id");
            List<String> chosen = List.of(id.equals(AUDIT) ? audit : (String) option.get("id"));
            Map<String, Object> item = new HashMap<>();
            item.put("questionId", id);
            item.put("optionIds", chosen);
            items.add(item);
            given.put(id, chosen);
        }
        assertThat(exchange(HttpRequest.PATCH("/api/v1/members/" + member + "/self-assessment/answers",
                Map.of("answers", items)), sec, Map.class).code()).isEqualTo(200);
        return given;
    }

    private static String submission(long member, long campaign) {
        return "/api/v1/members/" + member + "/self-assessment/campaigns/" + campaign + "/submission";
    }

    private long releaseCount() {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM national_release");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private synchronized long published() {
        HttpResponse<Map> r = exchange(HttpRequest.POST(RELEASES, Map.of("referenceDate", referenceDate.toString())),
                niscAnalyst, Map.class);
        assertThat(r.code()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(RELEASES + "/" + r.body().get("id"));
        return ((Number) r.body().get("id")).longValue();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void niscPublishesAReleaseOfTheAcceptedSubmissionsWithHandCountedFiguresThatWithstandTheAttack() {
        long id = published();
        Map view = get(RELEASES + "/" + id, niscAnalyst);
        assertThat(view).containsEntry("ceptoars", 2).containsEntry("respondents", 24)
                .containsEntry("referenceDate", referenceDate.toString());

        byte[] json = http.toBlocking().retrieve(HttpRequest.GET(RELEASES + "/" + id + "/summaries")
                .bearerAuth(niscAnalyst), byte[].class);
        Map release = http.toBlocking().retrieve(HttpRequest.GET(RELEASES + "/" + id + "/summaries")
                .bearerAuth(niscAnalyst), Map.class);
        List<Map> population = (List<Map>) release.get("population");
        assertThat(population).extracting(g -> g.get("group"))
                .containsExactlyInAnyOrder(electricity.code(), railways.code());
        assertThat(population).allSatisfy(g -> assertThat(g.get("respondents")).isEqualTo(12));

        Map audit = ((List<Map>) release.get("tables")).stream().filter(t -> AUDIT.equals(t.get("question")))
                .findFirst().orElseThrow();
        Map all = ((List<Map>) audit.get("rows")).stream().filter(r -> "ALL".equals(r.get("row"))).findFirst()
                .orElseThrow();
        assertThat(((Map) all.get("respondents")).get("count")).isEqualTo(24);
        Map<String, Integer> byHand = Map.of("internal-only", 13, "neither", 11);
        for (Map cell : (List<Map>) all.get("options")) {
            Integer expected = byHand.getOrDefault((String) cell.get("option"), 0);
            if (Boolean.TRUE.equals(cell.get("suppressed"))) {
                assertThat(cell.get("count")).isNull();
                assertThat(cell.get("percent")).isNull();
                assertThat(cell.keySet()).containsExactlyInAnyOrder("option", "count", "percent", "suppressed");
            } else {
                assertThat(cell.get("count")).as("全分野 %s", cell.get("option")).isEqualTo(expected);
            }
        }

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("THRESHOLD", "GROUP\"", "INSIDER", "COMPLEMENTARY", "groupMinimum");
        groupOf.keySet().forEach(key -> assertThat(text).doesNotContain(key));

        List<IndependentAttacker.Member> members = new ArrayList<>();
        groupOf.forEach((key, group) -> members.add(new IndependentAttacker.Member(key, group, key, Map.of())));
        IndependentAttacker attacker = new IndependentAttacker(new IndependentAttacker.Rules(5, 20, 3, 0.3),
                new IndependentAttacker.Snapshot(json, members, answers), List.of());
        assertThat(attacker.attackAll()).isEmpty();
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkForExcel() {
        long id = published();
        HttpResponse<byte[]> csv = http.toBlocking().exchange(HttpRequest.GET(RELEASES + "/" + id + "/summaries")
                .header("Accept", "text/csv").bearerAuth(niscAnalyst), byte[].class);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        byte[] body = csv.body();
        assertThat(new byte[]{body[0], body[1], body[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("table,row,row_kind").contains(AUDIT)
                .doesNotContain("THRESHOLD");
        HttpResponse<byte[]> byParameter = http.toBlocking().exchange(HttpRequest.GET(RELEASES + "/" + id
                + "/summaries?format=csv").bearerAuth(niscAnalyst), byte[].class);
        assertThat(byParameter.body()).isEqualTo(body);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void theWholeAudienceMatrix() {
        long id = published();
        String system = token(person(national(), Role.NISC_SYSTEM));
        String platform = platformAdminToken();
        String secretariat = token(person(electricity, Role.SECRETARIAT_ADMIN));
        String staff = token(person(railways, Role.SECRETARIAT_STAFF));
        String operator = token(person(electricity, Role.OPERATOR_ADMIN, memberOf(electricity)));

        for (String reader : List.of(niscAnalyst, system, platform)) {
            assertThat(exchange(HttpRequest.GET(RELEASES), reader, Map.class).code()).isEqualTo(200);
            assertThat(exchange(HttpRequest.GET(RELEASES + "/" + id + "/summaries"), reader, byte[].class).code())
                    .isEqualTo(200);
        }
        Map audit = get(RELEASES + "/" + id + "/audit", platform);
        assertThat(audit.toString()).contains("reasons=[GROUP]").contains("parameters");
        for (String notAuditor : List.of(niscAnalyst, system)) {
            assertThat(error(HttpRequest.GET(RELEASES + "/" + id + "/audit").bearerAuth(notAuditor)).code())
                    .isEqualTo(403);
        }
        for (String notPublisher : List.of(system, platform)) {
            assertThat(error(HttpRequest.POST(RELEASES, Map.of("referenceDate", referenceDate.toString()))
                    .bearerAuth(notPublisher)).code()).isEqualTo(403);
        }
        // a CEPTOAR's own members' data is in its tenant only: no national route answers a CEPTOAR user
        for (String ceptoar : List.of(secretariat, staff, operator)) {
            assertThat(error(HttpRequest.GET(RELEASES).bearerAuth(ceptoar)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.GET(RELEASES + "/" + id).bearerAuth(ceptoar)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.GET(RELEASES + "/" + id + "/summaries").bearerAuth(ceptoar)).code())
                    .isEqualTo(403);
            assertThat(error(HttpRequest.GET(RELEASES + "/" + id + "/audit").bearerAuth(ceptoar)).code())
                    .isEqualTo(403);
            assertThat(error(HttpRequest.POST(RELEASES, Map.of("referenceDate", referenceDate.toString()))
                    .bearerAuth(ceptoar)).code()).isEqualTo(403);
        }
        assertThat(error(HttpRequest.GET(RELEASES + "/999999999/summaries").bearerAuth(niscAnalyst)).code())
                .isEqualTo(404);

        // the contribution setting is the CEPTOAR secretariat's: staff read it, the admin alone changes it
        assertThat(exchange(HttpRequest.GET(CONTRIBUTION), staff, Map.class).body()).containsEntry("contributes", true);
        assertThat(error(HttpRequest.PUT(CONTRIBUTION, Map.of("contributes", false)).header("If-Match", "*")
                .bearerAuth(staff)).code()).isEqualTo(403);
        for (String notCeptoarSecretariat : List.of(operator, niscAnalyst, system, platform)) {
            assertThat(error(HttpRequest.GET(CONTRIBUTION).bearerAuth(notCeptoarSecretariat)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.PUT(CONTRIBUTION, Map.of("contributes", false)).header("If-Match", "*")
                    .bearerAuth(notCeptoarSecretariat)).code()).isEqualTo(403);
        }
        assertThat(error(HttpRequest.PUT(CONTRIBUTION, Map.of("contributes", true)).bearerAuth(secretariat)).code())
                .isEqualTo(428);
        HttpResponse<Map> missing = error(HttpRequest.PUT(CONTRIBUTION, Map.of()).header("If-Match", "*")
                .bearerAuth(secretariat));
        assertThat(missing.code()).isEqualTo(400);
        assertThat(missing.getBody(Map.class).orElseThrow().toString()).contains("field=contributes");
        assertThat(error(HttpRequest.GET(RELEASES)).code()).isEqualTo(401);
    }

    private long memberOf(Tenant tenant) {
        return groupOf.keySet().stream().filter(k -> k.startsWith(tenant.code() + ":"))
                .map(k -> Long.parseLong(k.substring(k.indexOf(':') + 1))).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void badReferenceDatesAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = releaseCount();
        for (Map<String, Object> body : List.of(Map.<String, Object>of(), Map.<String, Object>of("referenceDate",
                "2025-13-01"), Map.<String, Object>of("referenceDate", LocalDate.now().plusYears(1).toString()))) {
            HttpResponse<Map> e = error(HttpRequest.POST(RELEASES, body).bearerAuth(niscAnalyst));
            assertThat(e.code()).isEqualTo(400);
            Map problem = e.getBody(Map.class).orElseThrow();
            assertThat((List<Map>) problem.get("violations")).extracting(v -> v.get("field"))
                    .containsExactly("referenceDate");
        }
        HttpResponse<Map> empty = error(HttpRequest.POST(RELEASES, Map.of("referenceDate", "1999-03-31"))
                .bearerAuth(niscAnalyst));
        assertThat(empty.code()).isEqualTo(409);
        assertThat(empty.getBody(Map.class).orElseThrow().get("type"))
                .isEqualTo("urn:ceptoar-hub:problem:no-accepted-submissions");
        assertThat(releaseCount()).isEqualTo(before);
    }
}
