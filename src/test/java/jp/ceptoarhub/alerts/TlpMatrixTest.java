package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.alerts.TlpOracle.Label;
import jp.ceptoarhub.alerts.TlpOracle.Path;
import jp.ceptoarhub.alerts.TlpOracle.Scenario;
import jp.ceptoarhub.alerts.TlpOracle.Viewer;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLP matrix on the real database and Keycloak: every label × every kind of viewer × every read path, for a
 * CEPTOAR's own alert and for a NISC provision passed on by the secretariat, compared cell by cell with the expected
 * table src/test/resources/alerts/tlp-matrix.csv (generated from {@link TlpOracle}). A cell is "Y" when the path
 * returns the alert (its content, file, bundle or feed entry) to that viewer. Sectors of this class: PORTS
 * (国土交通省) and FINANCE (金融庁).
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class TlpMatrixTest extends AlertsTestSupport {
    private final Map<Scenario, Map<Viewer, String>> tokens = new EnumMap<>(Scenario.class);
    private final Map<String, Sent> alerts = new HashMap<>();
    private final Map<String, Integer> countDeltas = new HashMap<>();
    private String syncToken;
    private Tenant ports;

    record Sent(long id, long tenantId, long attachmentId, String searchToken) {
    }

    @BeforeAll
    void world() {
        ports = ceptoar("PORT_CEPTOAR");
        Tenant banking = ceptoar("BANKING_CEPTOAR");
        String portsAdmin = token(person(ports, Role.SECRETARIAT_ADMIN));
        long m1 = member(portsAdmin, "PORTS", "PORTS_GENERAL", "MEMBER");
        long m2 = member(portsAdmin, "PORTS", "PORTS_GENERAL", "MEMBER");
        String bankingAdmin = token(person(banking, Role.SECRETARIAT_ADMIN));
        long bank = member(bankingAdmin, "FINANCE", "BANKING", "MEMBER");
        TestUser nda = person(ports, Role.OPERATOR_STAFF, m1);
        TestUser contractor = person(ports, Role.OPERATOR_STAFF, m1);
        affiliation(portsAdmin, nda, Map.of("affiliation", "CONTRACTOR_NDA", "ndaSignedOn", "2025-10-01"));
        affiliation(portsAdmin, contractor, Map.of("affiliation", "CONTRACTOR"));
        TestUser namedMember = person(ports, Role.OPERATOR_STAFF, m2);
        TestUser niscSender = nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK");
        TestUser namedOfficer = nationalPerson(Role.MINISTRY_OFFICER, "MLIT");

        Map<Viewer, String> common = new EnumMap<>(Viewer.class);
        common.put(Viewer.ADDRESSED_STAFF, token(person(ports, Role.OPERATOR_STAFF, m1)));
        common.put(Viewer.ADDRESSED_NDA_CONTRACTOR, token(nda));
        common.put(Viewer.ADDRESSED_CONTRACTOR, token(contractor));
        common.put(Viewer.OTHER_MEMBER, token(person(ports, Role.OPERATOR_STAFF, m2)));
        common.put(Viewer.SECRETARIAT, token(person(ports, Role.SECRETARIAT_STAFF)));
        common.put(Viewer.OTHER_CEPTOAR_SECRETARIAT, token(person(banking, Role.SECRETARIAT_STAFF)));
        common.put(Viewer.OTHER_CEPTOAR_MEMBER, token(person(banking, Role.OPERATOR_STAFF, bank)));
        common.put(Viewer.NISC, token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK")));
        common.put(Viewer.COMPETENT_MINISTRY, token(nationalPerson(Role.MINISTRY_OFFICER, "MLIT")));
        common.put(Viewer.OTHER_MINISTRY, token(nationalPerson(Role.MINISTRY_OFFICER, "FSA")));
        Map<Viewer, String> a = new EnumMap<>(common);
        a.put(Viewer.SENDER, portsAdmin);
        a.put(Viewer.NAMED_USER, token(namedMember));
        Map<Viewer, String> b = new EnumMap<>(common);
        b.put(Viewer.SENDER, token(niscSender));
        b.put(Viewer.NAMED_USER, token(namedOfficer));
        tokens.put(Scenario.CEPTOAR_ALERT, a);
        tokens.put(Scenario.NISC_PROVISION, b);

        syncToken = (String) get("/api/v1/alerts", portsAdmin).get("syncToken");
        for (Scenario s : Scenario.values()) {
            for (Label l : Label.values()) {
                Map<Viewer, Integer> before = counts(s);
                String search = "matrix" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                boolean red = l == Label.RED;
                List<Map<String, Object>> audience = s == Scenario.CEPTOAR_ALERT
                        ? red ? List.of(rule("USER", "userId", namedMember.userId()))
                        : List.of(rule("MEMBER", "memberId", m1), rule("USER", "userId", namedMember.userId()))
                        : red ? List.of(rule("USER", "userId", namedOfficer.userId()))
                        : List.of(rule("SECTOR", "sectorCode", "PORTS"), rule("USER", "userId", namedOfficer.userId()));
                String sender = tokens.get(s).get(Viewer.SENDER);
                Map<String, Object> body = alert("ADVISORY", l.name(), "TLP行列 " + search, audience);
                body.put("annex", true);
                long id = draft(sender, body);
                Map file = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/attachments?filename=betsu.txt",
                        "別紙 " + search).contentType(MediaType.TEXT_PLAIN_TYPE), sender, Map.class).body();
                Map delivered = alertOf(send(sender, id));
                if (s == Scenario.NISC_PROVISION && !red) {
                    passOn(portsAdmin, id, null, List.of(rule("MEMBER", "memberId", m1)));
                }
                assertThat(id(delivered)).isEqualTo(id);
                alerts.put(s + "/" + l, new Sent(id, s == Scenario.CEPTOAR_ALERT ? ports.id() : national().id(),
                        id(file), search));
                Map<Viewer, Integer> after = counts(s);
                for (Viewer v : Viewer.values()) {
                    countDeltas.put(s + "/" + l + "/" + v, after.get(v) - before.get(v));
                }
            }
        }
    }

    @Test
    void everyLabelEveryViewerEveryReadPathAsTheTableSays() throws Exception {
        List<String> lines = Files.readAllLines(TlpMatrixTableTest.CSV, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo(TlpOracle.HEADER);
        Map<String, Set<Long>> listings = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            Scenario s = Scenario.valueOf(c[0]);
            Label l = Label.valueOf(c[1]);
            Viewer v = Viewer.valueOf(c[2]);
            Path p = Path.valueOf(c[5]);
            boolean expected = c[6].equals("Y");
            boolean actual = actual(s, l, v, p, listings);
            cells++;
            if (actual != expected) {
                mismatches.add(line + " but the service " + (actual ? "returned it" : "did not return it"));
            }
        }
        assertThat(mismatches).as("cells where the service disagrees with the TLP table").isEmpty();
        assertThat(cells).isEqualTo(1310);
    }

    private boolean actual(Scenario s, Label l, Viewer v, Path p, Map<String, Set<Long>> listings) {
        Sent a = alerts.get(s + "/" + l);
        String token = v == Viewer.ANONYMOUS ? null : tokens.get(s).get(v);
        String who = s + "/" + v;
        return switch (p) {
            case INBOX -> listing(listings, who + "/inbox", token, () -> {
                Set<Long> ids = new HashSet<>();
                for (String box : List.of("received", "sent")) {
                    allPages("/api/v1/alerts/inbox?box=" + box, token).forEach(t -> ids.add(id((Map) t.get("latest"))));
                }
                return ids;
            }).contains(a.id());
            case LIST -> listing(listings, who + "/list", token, () -> ids(allPages("/api/v1/alerts", token))).contains(a.id());
            case DELTA -> listing(listings, who + "/delta", token, () -> ids(allPages("/api/v1/alerts?updatedSince="
                    + syncToken, token).stream().filter(x -> !x.containsKey("deleted")).toList())).contains(a.id());
            case EXPORT -> listing(listings, who + "/export", token, () ->
                    ids((List<Map>) get("/api/v1/alerts/export?format=json", token).get("items"))).contains(a.id());
            case SEARCH -> token != null && ids((List<Map>) get("/api/v1/alerts?q=" + a.searchToken(), token).get("items"))
                    .contains(a.id());
            case THREAD -> status(HttpRequest.GET("/api/v1/alerts/threads/" + a.id()), token) == 200;
            case DETAIL -> status(HttpRequest.GET("/api/v1/alerts/" + a.id()), token) == 200;
            case ATTACHMENT -> status(HttpRequest.GET("/api/v1/alerts/" + a.id() + "/attachments/" + a.attachmentId()),
                    token) == 200;
            case STIX -> status(HttpRequest.GET("/api/v1/alerts/" + a.id() + "/stix"), token) == 200;
            case COUNTS -> countDeltas.get(s + "/" + l + "/" + v) == 1;
            case ATOM -> http.toBlocking().retrieve(s == Scenario.CEPTOAR_ALERT
                    ? "/api/v1/public/ceptoars/" + ports.code() + "/alert-feed" : "/api/v1/public/national/alert-feed")
                    .contains("<id>urn:ceptoar-hub:alert:" + a.tenantId() + ":" + a.id() + "</id>");
        };
    }

    private Set<Long> listing(Map<String, Set<Long>> cache, String key, @Nullable String token,
                              Supplier<Set<Long>> load) {
        if (token == null) {
            return Set.of();
        }
        return cache.computeIfAbsent(key, k -> load.get());
    }

    private Map<Viewer, Integer> counts(Scenario s) {
        Map<Viewer, Integer> out = new EnumMap<>(Viewer.class);
        for (Viewer v : Viewer.values()) {
            out.put(v, v == Viewer.ANONYMOUS ? 0 : (Integer) get("/api/v1/alerts/counts", tokens.get(s).get(v)).get("total"));
        }
        return out;
    }

    private void affiliation(String admin, TestUser user, Map<String, String> body) {
        exchange(HttpRequest.PUT("/api/v1/users/" + user.userId() + "/affiliation", body).header("If-Match", "*"), admin,
                Map.class);
    }

    private static Set<Long> ids(List<Map> items) {
        Set<Long> out = new HashSet<>();
        items.forEach(i -> out.add(id(i)));
        return out;
    }
}
