package jp.ceptoarhub.alerts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of an alert on the real database and Keycloak: a CEPTOAR's own alert numbered in its own series and
 * read by its members; NISC's provision (T-number) to a sector, passed on (展開) by the secretariat within the
 * label's rule; follow-ups in one thread; acknowledgement per organisation and the sender's view of it; delta
 * sync with tombstones; Idempotency-Key on a flaky phone; and everything the originator alone may do.
 * Sectors of this class: CHEMICALS and GAS (経済産業省).
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AlertFlowTest extends AlertsTestSupport {
    private Tenant chemical;
    private String chemicalAdmin;
    private long m1;
    private long m2;
    private long gasMember;
    private TestUser u1;
    private TestUser u2;

    private synchronized void world() {
        if (chemical != null) {
            return;
        }
        chemical = ceptoar("CHEMICAL_CEPTOAR");
        chemicalAdmin = token(person(chemical, Role.SECRETARIAT_ADMIN));
        m1 = member(chemicalAdmin, "CHEMICALS", "CHEMICALS_GENERAL", "MEMBER");
        m2 = member(chemicalAdmin, "CHEMICALS", "CHEMICALS_GENERAL", "MEMBER");
        gasMember = member(chemicalAdmin, "GAS", "GAS_GENERAL", "MEMBER");
        u1 = person(chemical, Role.OPERATOR_STAFF, m1);
        u2 = person(chemical, Role.OPERATOR_STAFF, m2);
    }

    @Test
    void aCeptoarsOwnAlertIsNumberedInItsSeriesReadAcknowledgedAndFollowedUp() {
        world();
        long id = draft(chemicalAdmin, alert("ADVISORY", "GREEN", "不審メールに注意", List.of(rule("MEMBERS"))));
        // a draft is the secretariat's alone
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(u1))).isEqualTo(404);

        Map dry = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/send?dryRun=true", ""), chemicalAdmin, Map.class).body();
        assertThat(dry.get("dryRun")).isEqualTo(true);
        assertThat(dry.get("organisations")).isEqualTo(3);
        assertThat((Integer) dry.get("readers")).isGreaterThanOrEqualTo(2);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(u1))).as("a dry run sends nothing").isEqualTo(404);

        Map delivery = send(chemicalAdmin, id);
        Map a = alertOf(delivery);
        assertThat(a.get("number")).asString().matches("A\\d+");
        assertThat(a.get("reportNo")).isEqualTo(1);
        assertThat(a.get("status")).isEqualTo("SENT");
        assertThat(a.get("recipientsLine")).asString().contains("構成員（全3者）");
        String number = (String) a.get("number");

        Map read = get("/api/v1/alerts/" + id, token(u1));
        assertThat(((Map) read.get("reading")).get("relation")).isEqualTo("ADDRESSED");
        assertThat(read.get("inquiryHeading")).isEqualTo("本件問合せ先");
        assertThat(read.get("inquiryContact")).asString().contains("事務局");
        assertThat(read.get("providedAtText")).asString().matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{1,2}時\\d{2}分");
        assertThat(((Map) read.get("tlp")).get("label")).isEqualTo("TLP:GREEN");
        assertThat(read).doesNotContainKey("audience");

        // u2 has not opened it: unread, and its organisation has not acknowledged
        Map counts = get("/api/v1/alerts/counts", token(u2));
        assertThat((Integer) counts.get("unread")).isGreaterThanOrEqualTo(1);
        Map thread = inboxThread(token(u2), id);
        assertThat(thread.get("unread")).isEqualTo(1);
        get("/api/v1/alerts/" + id, token(u2));
        assertThat(inboxThread(token(u2), id).get("unread")).isEqualTo(0);

        // acknowledgement is per organisation, first one wins
        Map ack = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/acknowledgement", ""), token(u2), Map.class).body();
        assertThat(ack.get("state")).isEqualTo("ACKED");
        TestUser colleague = person(chemical, Role.OPERATOR_ADMIN, m2);
        Map again = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/acknowledgement", ""), token(colleague), Map.class).body();
        assertThat(again.get("acknowledgedBy")).isEqualTo(ack.get("acknowledgedBy"));
        assertThat(again.get("acknowledgedAt")).isEqualTo(ack.get("acknowledgedAt"));

        // the sender sees who has not acknowledged, and exports it
        Map recipients = get("/api/v1/alerts/" + id + "/recipients", chemicalAdmin);
        assertThat(((Map) recipients.get("summary")).get("organisations")).isEqualTo(3);
        assertThat(((Map) recipients.get("summary")).get("acknowledged")).isEqualTo(1);
        assertThat(((Map) recipients.get("summary")).get("opened")).isEqualTo(2);
        List<Map> open = (List<Map>) get("/api/v1/alerts/" + id + "/recipients?state=OPEN", chemicalAdmin).get("items");
        assertThat(open).extracting(r -> ((Number) r.get("organisationId")).longValue()).containsExactlyInAnyOrder(m1, gasMember);
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/alerts/" + id + "/recipients?format=csv")
                .bearerAuth(chemicalAdmin), String.class);
        assertThat(csv).startsWith("\uFEFF識別番号,組織").contains(number).contains("ACKED");
        // a recipient does not learn who else received it
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id + "/recipients"), token(u1))).isEqualTo(403);

        // a follow-up keeps the thread's audience and number: A1-2, 第2報
        Map<String, Object> follow = alert("WARNING", "GREEN", "続報：不審メールに注意", null);
        follow.remove("audience");
        follow.put("followUpOf", id);
        Map second = alertOf(sent(chemicalAdmin, follow));
        assertThat(second.get("number")).isEqualTo(number + "-2");
        assertThat(second.get("reportNo")).isEqualTo(2);
        assertThat(second.get("threadId")).isEqualTo(a.get("threadId"));
        Map t = get("/api/v1/alerts/threads/" + a.get("threadId"), token(u1));
        assertThat((List<Map>) t.get("items")).extracting(x -> x.get("number")).containsExactly(number, number + "-2");
        Map line = inboxThread(token(u1), ((Number) a.get("threadId")).longValue());
        assertThat(line.get("reports")).isEqualTo(2);
        assertThat(((Map) line.get("latest")).get("number")).isEqualTo(number + "-2");
        assertThat(((Map) line.get("latest")).get("importance")).isEqualTo(Map.of("code", "WARNING", "label", "警報"));
    }

    @Test
    void niscsProvisionReachesTheSectorAndIsPassedOnWithinItsLabel() {
        world();
        String nisc = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        String meti = token(nationalPerson(Role.MINISTRY_OFFICER, "METI"));
        String fsa = token(nationalPerson(Role.MINISTRY_OFFICER, "FSA"));
        Map delivery = sent(nisc, alert("WARNING", "AMBER", "化学分野への攻撃", List.of(rule("SECTOR", "sectorCode", "CHEMICALS"))));
        Map a = alertOf(delivery);
        long id = id(a);
        assertThat(a.get("number")).asString().matches("T\\d+");
        assertThat(a.get("recipientsLine")).asString().contains("経済産業省（化学分野）");
        assertThat(a.get("inquiryHeading")).isEqualTo("本件問合せ先（重要インフラ所管省庁からの問合せに限る。）");

        // the sector's secretariat and the competent ministry read it; members only once it is passed on
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), chemicalAdmin)).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), meti)).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), fsa)).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(u1))).isEqualTo(404);

        // only the originator widens the label or adds recipients
        assertThat(status(HttpRequest.PUT("/api/v1/alerts/" + id + "/label", Map.of("tlp", "GREEN"))
                .header("If-Match", "*"), chemicalAdmin)).isEqualTo(403);
        assertThat(status(HttpRequest.POST("/api/v1/alerts/" + id + "/recipients",
                Map.of("audience", List.of(rule("SECTOR", "sectorCode", "GAS")))), meti)).isEqualTo(403);
        // a pass-on keeps or narrows the label, never widens it
        HttpResponse<Map> wider = error(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons",
                Map.of("tlp", "GREEN", "audience", List.of(rule("MEMBERS")))).bearerAuth(chemicalAdmin));
        assertThat(wider.code()).isEqualTo(400);
        assertThat(violations(wider)).contains("tlp");
        // AMBER reaches only the sectors the alert addresses: a GAS member named explicitly is refused ...
        HttpResponse<Map> outside = error(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons",
                Map.of("audience", List.of(rule("MEMBER", "memberId", gasMember)))).bearerAuth(chemicalAdmin));
        assertThat(violations(outside)).contains("audience[0].memberId");
        // ... and left out of MEMBERS
        Map passed = passOn(chemicalAdmin, id, null, List.of(rule("MEMBERS")));
        assertThat(passed.get("organisations")).isEqualTo(2);
        assertThat(passed.get("excluded")).isEqualTo(1);
        assertThat(((Map) passed.get("alert")).get("number")).as("a pass-on keeps the number").isEqualTo(a.get("number"));

        Map read = get("/api/v1/alerts/" + id, token(u1));
        assertThat(((Map) read.get("reading")).get("passedOnBy")).asString().contains(chemical.nameJa());
        assertThat(((Map) read.get("tlp")).get("code")).isEqualTo("AMBER");
        TestUser gasStaff = person(chemical, Role.OPERATOR_STAFF, gasMember);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(gasStaff))).isEqualTo(404);
        // passing on again reaches nobody new
        assertThat(passOn(chemicalAdmin, id, null, List.of(rule("MEMBER", "memberId", m1))).get("alreadyReached")).isEqualTo(1);

        // a ministry passes on within its own sectors and the alert's: GAS is METI's but not this AMBER alert's
        Tenant gas = ceptoar("GAS_CEPTOAR");
        HttpResponse<Map> ministryOutside = error(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons",
                Map.of("audience", List.of(rule("CEPTOAR", "ceptoarCode", gas.code())))).bearerAuth(meti));
        assertThat(violations(ministryOutside)).contains("audience[0].ceptoarCode");
        // a member may not pass on at all
        assertThat(status(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons",
                Map.of("audience", List.of(rule("MEMBERS")))), token(u1))).isEqualTo(403);

        // the originator sees the organisations it addressed; the passer those it reached
        List<Map> direct = (List<Map>) get("/api/v1/alerts/" + id + "/recipients", nisc).get("items");
        assertThat(direct).extracting(r -> r.get("organisation")).contains(chemical.nameJa() + " 事務局", "経済産業省");
        Map passerView = get("/api/v1/alerts/" + id + "/recipients", chemicalAdmin);
        assertThat(passerView.get("role")).isEqualTo("PASSER");
        assertThat((List<Map>) passerView.get("items")).extracting(r -> ((Number) r.get("organisationId")).longValue())
                .containsExactlyInAnyOrder(m1, m2);

        // GREEN goes further: the ministry passes it to every CEPTOAR of its sectors
        long green = id(alertOf(sent(nisc, alert("INFORMATION", "GREEN", "参考：公開情報の要約",
                List.of(rule("SECTOR", "sectorCode", "CHEMICALS"))))));
        Map ministryPass = passOn(meti, green, null, List.of(rule("CEPTOAR", "ceptoarCode", gas.code())));
        assertThat(ministryPass.get("organisations")).isEqualTo(1);
        String gasAdmin = token(person(gas, Role.SECRETARIAT_ADMIN));
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + green), gasAdmin)).isEqualTo(200);
    }

    @Test
    void redIsReadByNamedUsersOnlyAndNeverPassedOn() {
        world();
        TestUser named = nationalPerson(Role.MINISTRY_OFFICER, "METI");
        TestUser colleague = nationalPerson(Role.MINISTRY_OFFICER, "METI");
        String nisc = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        // RED addresses named users only
        HttpResponse<Map> sector = error(HttpRequest.POST("/api/v1/alerts", alert("WARNING", "RED", "宛先限り",
                List.of(rule("SECTOR", "sectorCode", "CHEMICALS")))).bearerAuth(nisc));
        assertThat(violations(sector)).contains("audience[0].kind");
        long id = id(alertOf(sent(nisc, alert("WARNING", "RED", "宛先限りの情報", List.of(rule("USER", "userId", named.userId()))))));
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(named))).isEqualTo(200);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(colleague))).isEqualTo(404);
        assertThat(status(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons",
                Map.of("audience", List.of(rule("CEPTOAR", "ceptoarCode", chemical.code())))), token(named))).isEqualTo(403);
        // the named user's organisation acknowledges it
        Map ack = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/acknowledgement", ""), token(named), Map.class).body();
        assertThat(ack.get("state")).isEqualTo("ACKED");
        // only the originator adds named users
        String etag = exchange(HttpRequest.GET("/api/v1/alerts/" + id), nisc, Map.class).getHeaders().get("ETag");
        Map added = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/recipients",
                Map.of("audience", List.of(rule("USER", "userId", colleague.userId())))), nisc, Map.class).body();
        assertThat(added.get("organisations")).as("METI was already addressed through the named user").isEqualTo(0);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(colleague))).isEqualTo(200);
        // widening RED to AMBER lets the addressed people read it — never more organisations
        Map widened = exchange(HttpRequest.PUT("/api/v1/alerts/" + id + "/label", Map.of("tlp", "AMBER"))
                .header("If-Match", etag), nisc, Map.class).body();
        assertThat(((Map) widened.get("tlp")).get("code")).isEqualTo("AMBER");
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), chemicalAdmin)).isEqualTo(404);
    }

    @Test
    void deltaSyncReturnsTombstonesWhenTheOriginatorNarrowsTheLabel() {
        world();
        TestUser contractor = person(chemical, Role.OPERATOR_STAFF, m1);
        exchange(HttpRequest.PUT("/api/v1/users/" + contractor.userId() + "/affiliation",
                Map.of("affiliation", "CONTRACTOR_NDA", "ndaSignedOn", "2025-04-01")).header("If-Match", "*"), chemicalAdmin, Map.class);
        Map first = get("/api/v1/alerts?limit=200", token(contractor));
        String token = (String) first.get("syncToken");
        long id = id(alertOf(sent(chemicalAdmin, alert("ADVISORY", "AMBER", "委託先にも共有", List.of(rule("MEMBER", "memberId", m1))))));
        List<Map> delta = (List<Map>) get("/api/v1/alerts?updatedSince=" + token, token(contractor)).get("items");
        assertThat(delta).anySatisfy(x -> {
            assertThat(id(x)).isEqualTo(id);
            assertThat(x).containsKey("title");
        });
        String next = (String) get("/api/v1/alerts?updatedSince=" + token, token(contractor)).get("syncToken");
        String etag = exchange(HttpRequest.GET("/api/v1/alerts/" + id), chemicalAdmin, Map.class).getHeaders().get("ETag");
        exchange(HttpRequest.PUT("/api/v1/alerts/" + id + "/label", Map.of("tlp", "AMBER_STRICT"))
                .header("If-Match", etag), chemicalAdmin, Map.class);
        List<Map> after = (List<Map>) get("/api/v1/alerts?updatedSince=" + next, token(contractor)).get("items");
        assertThat(after).anySatisfy(x -> {
            assertThat(id(x)).isEqualTo(id);
            assertThat(x).containsEntry("deleted", true).doesNotContainKey("title");
        });
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + id), token(contractor))).isEqualTo(404);
        // a delta sync takes no filters, so a tombstone never answers one
        assertThat(violations(error(HttpRequest.GET("/api/v1/alerts?updatedSince=" + next + "&tlp=RED")
                .bearerAuth(token(contractor))))).contains("updatedSince");
    }

    @Test
    void aFlakyPhoneSendsOnce() {
        world();
        long id = draft(chemicalAdmin, alert("INFORMATION", "CLEAR", "公開情報", List.of(rule("MEMBERS"))));
        String k = key();
        HttpResponse<Map> first = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/send", "").header("Idempotency-Key", k),
                chemicalAdmin, Map.class);
        HttpResponse<Map> retry = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/send", "").header("Idempotency-Key", k),
                chemicalAdmin, Map.class);
        assertThat(retry.getHeaders().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(alertOf(retry.body()).get("number")).isEqualTo(alertOf(first.body()).get("number"));
        HttpResponse<Map> again = error(HttpRequest.POST("/api/v1/alerts/" + id + "/send", "").bearerAuth(chemicalAdmin));
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.getBody(Map.class).orElseThrow().get("type")).isEqualTo("urn:ceptoar-hub:problem:alert-already-sent");
        // a retried creation makes one draft
        String k2 = key();
        Map<String, Object> body = alert("INFORMATION", "CLEAR", "重複送信の確認", List.of(rule("MEMBERS")));
        long d1 = id(exchange(HttpRequest.POST("/api/v1/alerts", body).header("Idempotency-Key", k2), chemicalAdmin, Map.class).body());
        long d2 = id(exchange(HttpRequest.POST("/api/v1/alerts", body).header("Idempotency-Key", k2), chemicalAdmin, Map.class).body());
        assertThat(d2).isEqualTo(d1);
    }

    @Test
    void concurrentSendsGetDistinctConsecutiveNumbers() throws Exception {
        world();
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drafts.add(draft(chemicalAdmin, alert("INFORMATION", "GREEN", "並行送信 " + i, List.of(rule("MEMBER", "memberId", m1)))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Map>> sends = new ArrayList<>();
        for (long d : drafts) {
            sends.add(pool.submit(() -> send(chemicalAdmin, d)));
        }
        Set<Integer> numbers = new HashSet<>();
        for (Future<Map> f : sends) {
            numbers.add(Integer.parseInt(((String) alertOf(f.get()).get("number")).substring(1)));
        }
        pool.shutdown();
        assertThat(numbers).hasSize(6);
        assertThat(numbers.stream().max(Integer::compare).orElseThrow() - numbers.stream().min(Integer::compare).orElseThrow())
                .isEqualTo(5);
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        world();
        Map<String, Object> empty = new HashMap<>();
        empty.put("audience", List.of(rule("MEMBERS")));
        assertThat(violations(error(HttpRequest.POST("/api/v1/alerts", empty).bearerAuth(chemicalAdmin))))
                .contains("importance", "tlp", "title", "annex");
        Map<String, Object> wrong = alert("URGENT", "PURPLE", "x".repeat(201), List.of(rule("SECTOR", "sectorCode", "CHEMICALS"),
                rule("MEMBER"), rule("MEMBER", "memberId", 999_999_999L)));
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/alerts", wrong).bearerAuth(chemicalAdmin));
        assertThat(violations(r)).contains("importance", "tlp", "title");
        Map<String, Object> audience = alert("ADVISORY", "AMBER", "宛先の誤り", List.of(rule("SECTOR", "sectorCode", "CHEMICALS"),
                rule("MEMBER")));
        assertThat(violations(error(HttpRequest.POST("/api/v1/alerts", audience).bearerAuth(chemicalAdmin))))
                .contains("audience[0].kind", "audience[1].memberId");
        assertThat(violations(error(HttpRequest.POST("/api/v1/alerts", alert("ADVISORY", "AMBER", "他団体の会員",
                List.of(rule("MEMBER", "memberId", 999_999_999L)))).bearerAuth(chemicalAdmin)))).contains("audience[0].memberId");
        // a contractor cannot be named under AMBER+STRICT
        TestUser contractor = person(chemical, Role.OPERATOR_STAFF, m1);
        exchange(HttpRequest.PUT("/api/v1/users/" + contractor.userId() + "/affiliation",
                Map.of("affiliation", "CONTRACTOR")).header("If-Match", "*"), chemicalAdmin, Map.class);
        assertThat(violations(error(HttpRequest.POST("/api/v1/alerts", alert("ADVISORY", "AMBER_STRICT", "職員限り",
                List.of(rule("USER", "userId", contractor.userId())))).bearerAuth(chemicalAdmin)))).contains("audience[0].userId");
        // a follow-up of a thread this organisation did not send is refused
        String nisc = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        long niscAlert = id(alertOf(sent(nisc, alert("INFORMATION", "GREEN", "NISCの情報", List.of(rule("SECTOR", "sectorCode", "CHEMICALS"))))));
        Map<String, Object> foreign = alert("INFORMATION", "GREEN", "他者のスレッド", List.of(rule("MEMBERS")));
        foreign.put("followUpOf", niscAlert);
        assertThat(violations(error(HttpRequest.POST("/api/v1/alerts", foreign).bearerAuth(chemicalAdmin)))).contains("followUpOf");
        // members and ministries do not compose
        assertThat(status(HttpRequest.POST("/api/v1/alerts", alert("INFORMATION", "GREEN", "x", List.of(rule("MEMBERS")))),
                token(u1))).isEqualTo(403);
        assertThat(get("/api/v1/alerts/drafts?limit=200", chemicalAdmin).get("items")).asList()
                .noneSatisfy(d -> assertThat(((Map) d).get("title")).isIn("宛先の誤り", "他団体の会員", "職員限り", "他者のスレッド"));
    }

    private Map inboxThread(String token, long threadId) {
        for (Map t : allPages("/api/v1/alerts/inbox", token)) {
            if (((Number) t.get("threadId")).longValue() == threadId) {
                return t;
            }
        }
        throw new AssertionError("thread " + threadId + " not in the inbox");
    }

    private static List<String> violations(HttpResponse<Map> r) {
        Map body = r.getBody(Map.class).orElseThrow();
        List<Map> v = (List<Map>) body.get("violations");
        return v == null ? List.of() : v.stream().map(x -> (String) x.get("field")).toList();
    }
}
