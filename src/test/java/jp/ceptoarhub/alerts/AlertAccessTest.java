package jp.ceptoarhub.alerts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert endpoint answered to somebody outside the alert's audience — another CEPTOAR's secretariat, NISC
 * (which never sees a CEPTOAR's own alerts), a ministry — as if the ids did not exist (404), and nothing changes.
 * Sector of this class: AVIATION (国土交通省).
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AlertAccessTest extends AlertsTestSupport {

    @Test
    void outsidersGetNotFoundOnEveryRouteOfAnAlertAndChangeNothing() {
        Tenant t = ceptoar("AVIATION_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long m = member(admin, "AVIATION", "AVIATION_GENERAL", "MEMBER");
        long draft = draft(admin, alert("ADVISORY", "GREEN", "下書き", List.of(rule("MEMBERS"))));
        Map file = exchange(HttpRequest.POST("/api/v1/alerts/" + draft + "/attachments?filename=a.txt", "別紙")
                .contentType(MediaType.TEXT_PLAIN_TYPE), admin, Map.class).body();
        long sent = id(alertOf(sent(admin, alert("ADVISORY", "CLEAR", "送信済み", List.of(rule("MEMBERS"))))));
        String etag = exchange(HttpRequest.GET("/api/v1/alerts/" + sent), admin, Map.class).getHeaders().get("ETag");

        List<String> outsiders = List.of(
                token(person(ceptoar("AVIATION_CEPTOAR"), Role.SECRETARIAT_ADMIN)),
                token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK")),
                token(nationalPerson(Role.MINISTRY_OFFICER, "MLIT")));
        for (String outsider : outsiders) {
            for (long id : List.of(draft, sent)) {
                String a = "/api/v1/alerts/" + id;
                List<MutableHttpRequest<?>> requests = List.of(
                        HttpRequest.GET(a),
                        HttpRequest.GET("/api/v1/alerts/threads/" + id),
                        HttpRequest.PATCH(a, Map.of("title", "改ざん")).header("If-Match", "*"),
                        HttpRequest.DELETE(a).header("If-Match", "*"),
                        HttpRequest.POST(a + "/send", ""),
                        HttpRequest.GET(a + "/recipients"),
                        HttpRequest.POST(a + "/recipients", Map.of("audience", List.of(rule("MEMBERS")))),
                        HttpRequest.PUT(a + "/label", Map.of("tlp", "CLEAR")).header("If-Match", etag),
                        HttpRequest.POST(a + "/withdraw", Map.of("reason", "改ざん")),
                        HttpRequest.POST(a + "/pass-ons", Map.of("audience", List.of(rule("MEMBERS")))),
                        HttpRequest.POST(a + "/acknowledgement", ""),
                        HttpRequest.GET(a + "/stix"),
                        HttpRequest.GET(a + "/attachments/" + id(file)),
                        HttpRequest.DELETE(a + "/attachments/" + id(file)),
                        HttpRequest.POST(a + "/attachments?filename=x.txt", "x").contentType(MediaType.TEXT_PLAIN_TYPE));
                for (MutableHttpRequest<?> r : requests) {
                    int status = status(r, outsider);
                    // 403 only where the caller's role may never do it at all (a ministry sends nothing), never
                    // a 2xx, and never a 403 that would confirm the alert exists to someone who may compose
                    assertThat(status).as(r.getMethodName() + " " + r.getPath()).isIn(404, 403);
                    if (status == 403) {
                        assertThat(r.getMethodName() + " " + r.getPath()).matches(
                                "(PATCH|DELETE|POST|PUT) .*(/[0-9]+|/send|/recipients|/label|/withdraw|/attachments.*)");
                    }
                }
            }
        }
        // nothing changed
        Map d = get("/api/v1/alerts/" + draft, admin);
        assertThat(d.get("title")).isEqualTo("下書き");
        assertThat((List) d.get("attachments")).hasSize(1);
        Map s = get("/api/v1/alerts/" + sent, admin);
        assertThat(s.get("status")).isEqualTo("SENT");
        assertThat(((Map) s.get("tlp")).get("code")).isEqualTo("CLEAR");
        assertThat(((Map) get("/api/v1/alerts/" + sent + "/recipients", admin).get("summary")).get("acknowledged")).isEqualTo(0);
        // and a member of the same CEPTOAR that was not addressed sees neither
        String notAddressed = token(person(t, Role.OPERATOR_STAFF, member(admin, "AVIATION", "AVIATION_GENERAL",
                "NON_MEMBER_RECIPIENT")));
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + sent), notAddressed)).isEqualTo(404);
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + draft), token(person(t, Role.OPERATOR_STAFF, m)))).isEqualTo(404);
        // platform admins read no alerts at all
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + sent), platformAdminToken())).isEqualTo(404);
    }
}
