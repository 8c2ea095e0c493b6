package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class MemberApiTest extends MembersTestSupport {

    @Test
    void secretariatCreatesReadsListsAndUpdatesMembers() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        String cn = corporateNumber();
        HttpResponse<Map> created = exchange(HttpRequest.POST("/api/v1/members", memberBody(cn)), sec, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        assertThat(created.getHeaders().get("Location")).isEqualTo("/api/v1/members/" + id);
        assertThat(created.getHeaders().get("ETag")).isEqualTo("W/\"member-" + id + "-v0\"");
        assertThat(created.body().get("nameKana")).isEqualTo("トウトデンリョクカブシキガイシャ");
        assertThat(created.body().get("membershipKind")).isEqualTo("MEMBER");

        HttpResponse<Map> got = exchange(HttpRequest.GET("/api/v1/members/" + id), sec, Map.class);
        assertThat(got.body().get("corporateNumber")).isEqualTo(cn);
        assertThat(got.body().get("nameJa")).isEqualTo("東都電力株式会社");
        assertThat(got.getHeaders().get("ETag")).isEqualTo("W/\"member-" + id + "-v0\"");

        // search by kana typed in hiragana, by corporate number, filter by sector and kind
        Map byKana = get("/api/v1/members?q=" + enc("とうとでんりょく"), sec);
        assertThat(ids(byKana)).contains(id);
        assertThat(ids(get("/api/v1/members?q=" + cn, sec))).containsExactly(id);
        assertThat(ids(get("/api/v1/members?sectorCode=GAS", sec))).doesNotContain(id);
        assertThat(ids(get("/api/v1/members?sectorCode=ELECTRICITY&membershipKind=MEMBER", sec))).contains(id);
        assertThat(ids(get("/api/v1/members?membershipKind=NON_MEMBER_RECIPIENT", sec))).doesNotContain(id);

        // update needs If-Match: 428 without, 412 stale, 200 with the current ETag
        Map<String, Object> patch = Map.of("nameEn", "Toto Power", "membershipKind", "NON_MEMBER_RECIPIENT",
                "subSectorCode", "ELECTRICITY_GENERAL");
        assertThat(error(HttpRequest.PATCH("/api/v1/members/" + id, patch).bearerAuth(sec)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH("/api/v1/members/" + id, patch).bearerAuth(sec)
                .header("If-Match", "W/\"member-" + id + "-v9\"")).code()).isEqualTo(412);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH("/api/v1/members/" + id, patch)
                .header("If-Match", "W/\"member-" + id + "-v0\""), sec, Map.class);
        assertThat(updated.body().get("nameEn")).isEqualTo("Toto Power");
        assertThat(updated.body().get("nameJa")).as("unchanged").isEqualTo("東都電力株式会社");
        assertThat(updated.body().get("membershipKind")).isEqualTo("NON_MEMBER_RECIPIENT");
        assertThat(updated.getHeaders().get("ETag")).isEqualTo("W/\"member-" + id + "-v1\"");
        // "" clears an optional field
        HttpResponse<Map> cleared = exchange(HttpRequest.PATCH("/api/v1/members/" + id, Map.of("nameEn", ""))
                .header("If-Match", "W/\"member-" + id + "-v1\""), sec, Map.class);
        assertThat(cleared.body()).doesNotContainKey("nameEn");
    }

    @Test
    void paginationWithCursor() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        createMember(sec);
        createMember(sec);
        createMember(sec);
        Map first = get("/api/v1/members?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        String cursor = (String) first.get("nextCursor");
        assertThat(cursor).isNotNull();
        Map second = get("/api/v1/members?limit=2&cursor=" + cursor, sec);
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        assertThat(error(HttpRequest.GET("/api/v1/members?cursor=bogus!").bearerAuth(sec)).code()).isEqualTo(400);
        assertThat(error(HttpRequest.GET("/api/v1/members?limit=0").bearerAuth(sec)).code()).isEqualTo(400);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        Map<String, Object> body = memberBody(corporateNumber());
        String key = UUID.randomUUID().toString();
        HttpResponse<Map> first = exchange(HttpRequest.POST("/api/v1/members", body).header("Idempotency-Key", key), sec, Map.class);
        long before = countMembers(tenantA());
        HttpResponse<Map> again = exchange(HttpRequest.POST("/api/v1/members", body).header("Idempotency-Key", key), sec, Map.class);
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.getHeaders().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(countMembers(tenantA())).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        createMember(sec);
        long before = countMembers(tenantA());

        Map<String, Object> badCn = memberBody("7000012050003");
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/members", badCn).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactly("corporateNumber");

        Map<String, Object> bad = memberBody(corporateNumber());
        bad.put("employeeBand", "huge");
        bad.put("capitalBand", "1b");
        bad.put("membershipKind", "SUSPENDED");
        bad.put("nameKana", "とうと");
        bad.put("sectorCode", "SPACE");
        r = error(HttpRequest.POST("/api/v1/members", bad).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactlyInAnyOrder("employeeBand", "capitalBand", "membershipKind", "nameKana", "sectorCode");

        Map<String, Object> wrongSub = memberBody(corporateNumber());
        wrongSub.put("subSectorCode", "GAS_GENERAL");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/members", wrongSub).bearerAuth(sec)))).containsExactly("subSectorCode");

        Map<String, Object> noNumber = memberBody(null);
        noNumber.remove("corporateNumber");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/members", noNumber).bearerAuth(sec)))).containsExactly("corporateNumber");

        Map<String, Object> badLg = memberBody(null);
        badLg.put("localGovernmentCode", "131017");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/members", badLg).bearerAuth(sec)))).containsExactly("localGovernmentCode");

        assertThat(countMembers(tenantA())).isEqualTo(before);

        // a local government with only its code is fine (full-width digits normalised)
        Map<String, Object> lg = memberBody(null);
        lg.put("nameJa", "千代田区");
        lg.put("nameKana", "チヨダク");
        lg.put("sectorCode", "GOVERNMENT_ADMINISTRATIVE_SERVICES");
        lg.put("capitalBand", "none-of-these");
        lg.put("localGovernmentCode", "１３１０１６");
        HttpResponse<Map> ok = exchange(HttpRequest.POST("/api/v1/members", lg), sec, Map.class);
        assertThat(ok.body().get("localGovernmentCode")).isEqualTo("131016");
        // a local government has no 資本金: 「いずれも該当しない」 is set when omitted, and any other band is refused
        Map<String, Object> lgBand = new HashMap<>(lg);
        lgBand.put("localGovernmentCode", localGovernmentCode());
        lgBand.put("capitalBand", "under-50m");
        HttpResponse<Map> wrongBand = error(HttpRequest.POST("/api/v1/members", lgBand).bearerAuth(sec));
        assertThat(wrongBand.code()).isEqualTo(400);
        assertThat(violationFields(wrongBand)).containsExactly("capitalBand");
        Map<String, Object> bySubSector = memberBody(corporateNumber());
        bySubSector.put("sectorCode", "GOVERNMENT_ADMINISTRATIVE_SERVICES");
        bySubSector.put("subSectorCode", "LOCAL_GOVERNMENT");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/members", bySubSector).bearerAuth(sec))))
                .containsExactly("capitalBand");
        bySubSector.remove("capitalBand");
        assertThat(exchange(HttpRequest.POST("/api/v1/members", bySubSector), sec, Map.class).body().get("capitalBand"))
                .isEqualTo("none-of-these");
        // ... and a second one with the same code is a duplicate
        HttpResponse<Map> dupLg = error(HttpRequest.POST("/api/v1/members", lg).bearerAuth(sec));
        assertThat(dupLg.code()).isEqualTo(409);
        assertThat(violationFields(dupLg)).containsExactly("localGovernmentCode");
    }

    @Test
    void duplicateCorporateNumberWithinTenantConflictsButAnotherTenantMayUseIt() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        String cn = corporateNumber();
        createMember(secA, memberBody(cn));
        long before = countMembers(tenantA());
        HttpResponse<Map> dup = error(HttpRequest.POST("/api/v1/members", memberBody(cn)).bearerAuth(secA));
        assertThat(dup.code()).isEqualTo(409);
        assertThat(violationFields(dup)).containsExactly("corporateNumber");
        assertThat(countMembers(tenantA())).isEqualTo(before);
        // updating another member to that number conflicts as well
        long other = createMember(secA);
        HttpResponse<Map> dupPatch = error(HttpRequest.PATCH("/api/v1/members/" + other, Map.of("corporateNumber", cn))
                .header("If-Match", "*").bearerAuth(secA));
        assertThat(dupPatch.code()).isEqualTo(409);
        assertThat(violationFields(dupPatch)).containsExactly("corporateNumber");

        assertThat(createMember(secB, memberBody(cn))).isPositive();
    }

    @Test
    void suspendAndReinstateRestoreTheKind() {
        String admin = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String staff = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        Map<String, Object> body = memberBody(corporateNumber());
        body.put("membershipKind", "NON_MEMBER_RECIPIENT");
        long id = createMember(admin, body);
        assertThat(error(HttpRequest.POST("/api/v1/members/" + id + "/suspend", Map.of()).bearerAuth(staff)).code()).isEqualTo(403);
        HttpResponse<Map> s = exchange(HttpRequest.POST("/api/v1/members/" + id + "/suspend", Map.of("reason", "会費未納")), admin, Map.class);
        assertThat(s.body().get("membershipKind")).isEqualTo("SUSPENDED");
        assertThat(s.body().get("suspensionReason")).isEqualTo("会費未納");
        assertThat(ids(get("/api/v1/members?membershipKind=SUSPENDED", admin))).contains(id);
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members/" + id + "/reinstate", Map.of()), admin, Map.class);
        assertThat(r.body().get("membershipKind")).isEqualTo("NON_MEMBER_RECIPIENT");
        assertThat(r.body()).doesNotContainKey("suspendedAt");
    }

    /**
     * Issue 9 item 7: {@code curl -X POST -d ''} sends an empty body declared application/x-www-form-urlencoded; a
     * body-less action answers it as it answers no body at all (415 before issue 9), an operation that needs JSON
     * answers 400, and a real body of a type the operation does not take is still a 415 problem.
     */
    @Test
    void anEmptyFormBodyAsCurlSendsItCountsAsNoBody() throws IOException {
        String admin = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long id = createMember(admin);
        Curl suspended = curl("/api/v1/members/" + id + "/suspend", "", admin);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.body()).contains("\"membershipKind\":\"SUSPENDED\"");
        assertThat(curl("/api/v1/members/" + id + "/reinstate", "", admin).status()).isEqualTo(200);

        Curl noJson = curl("/api/v1/members", "", admin);
        assertThat(noJson.status()).as(noJson.body()).isEqualTo(400);
        Curl form = curl("/api/v1/members/" + id + "/suspend", "reason=x", admin);
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/members/" + id, admin).get("membershipKind")).isEqualTo("MEMBER");
    }

    private record Curl(int status, String contentType, String body) {
    }

    /** What {@code curl -X POST -d 'form'} sends: the bytes as they are, declared as a URL-encoded form. */
    private Curl curl(String path, String form, String token) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.getPort() + path).toURL()
                .openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(form.getBytes(StandardCharsets.US_ASCII));
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Curl(status, c.getContentType(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    @Test
    void operatorUsersSeeOnlyTheirOwnOrganisationAndCannotWrite() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long own = createMember(sec);
        long other = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, own));
        assertThat(ids(get("/api/v1/members", op))).containsExactly(own);
        Map mine = get("/api/v1/members/" + own, op);
        assertThat(mine).doesNotContainKey("notes");
        assertThat(error(HttpRequest.GET("/api/v1/members/" + other).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.POST("/api/v1/members", memberBody(corporateNumber())).bearerAuth(op)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.PATCH("/api/v1/members/" + own, Map.of("nameEn", "x")).header("If-Match", "*")
                .bearerAuth(op)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.POST("/api/v1/members/" + own + "/suspend", Map.of()).bearerAuth(op)).code()).isEqualTo(403);
    }

    @Test
    void anotherTenantsSecretariatAndNiscCannotReadOrChangeMembers() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long idB = createMember(secB);
        long before = countMembers(tenantB());
        String nisc = nisc();

        List<java.util.function.Supplier<MutableHttpRequest<?>>> calls = List.of(
                () -> HttpRequest.GET("/api/v1/members/" + idB),
                () -> HttpRequest.PATCH("/api/v1/members/" + idB, Map.of("nameJa", "乗っ取り")).header("If-Match", "*"),
                () -> HttpRequest.POST("/api/v1/members/" + idB + "/suspend", Map.of()),
                () -> HttpRequest.POST("/api/v1/members/" + idB + "/reinstate", Map.of()));
        for (var call : calls) {
            String path = call.get().getPath();
            assertThat(error(call.get().bearerAuth(secA)).code()).as("A on " + path).isEqualTo(404);
            assertThat(error(call.get().bearerAuth(nisc)).code()).as("NISC on " + path).isEqualTo(403);
        }
        assertThat(ids(get("/api/v1/members?limit=200", secA))).doesNotContain(idB);
        assertThat(ids(get("/api/v1/members?q=" + enc("東都"), secA))).doesNotContain(idB);
        assertThat(error(HttpRequest.GET("/api/v1/members").bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.POST("/api/v1/members", memberBody(corporateNumber())).bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(countMembers(tenantB())).isEqualTo(before);
        Map stillB = get("/api/v1/members/" + idB, secB);
        assertThat(stillB.get("nameJa")).isEqualTo("東都電力株式会社");
        assertThat(stillB.get("membershipKind")).isEqualTo("MEMBER");
    }

    /** Items of a page; Micronaut Serialization omits an empty list, so a missing "items" is an empty page. */
    static List<Map> items(Map page) {
        Object items = page.get("items");
        return items == null ? List.of() : (List<Map>) items;
    }

    static List<Map> violations(HttpResponse<Map> r) {
        Map body = r.getBody(Map.class).orElseThrow();
        Object violations = body.get("violations");
        assertThat(violations).as("violations in " + body).isNotNull();
        return (List<Map>) violations;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
