package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the alert tests: CEPTOAR tenants of a given sector (through the platform API), members and alerts
 * through the API. Each test class addresses sectors of its own, so that NISC's sector alerts of one class never
 * reach another class's tenants.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class AlertsTestSupport extends IntegrationTest {

    /** A CEPTOAR tenant listed in the directory under {@code ceptoarCode} (which gives its sector). */
    protected Tenant ceptoar(String ceptoarCode) {
        String code = unique("a");
        Map<String, Object> body = Map.of("code", code, "nameJa", "試験" + ceptoarCode, "nameEn", "Test " + ceptoarCode,
                "ceptoarCode", ceptoarCode, "firstAdmin", Map.of("username", "first-" + code, "email", "first-" + code + "@example.jp"));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", body).bearerAuth(platformAdminToken()), Map.class);
        return tenants.findByCode(code).orElseThrow();
    }

    protected long member(String secretariatToken, String sectorCode, String subSectorCode, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "試験事業者" + ThreadLocalRandom.current().nextInt(100000));
        body.put("nameKana", "シケンジギョウシャ");
        body.put("corporateNumber", corporateNumber());
        body.put("sectorCode", sectorCode);
        body.put("subSectorCode", subSectorCode);
        body.put("membershipKind", kind);
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", body), secretariatToken, Map.class);
        return ((Number) r.body().get("id")).longValue();
    }

    protected static String corporateNumber() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        return OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString();
    }

    protected static Map<String, Object> alert(String importance, String tlp, String title, List<Map<String, Object>> audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("importance", importance);
        body.put("tlp", tlp);
        body.put("title", title);
        body.put("outline", "①の内容 " + title);
        body.put("targets", "該当製品の利用者");
        body.put("handling", "・ログの確認\n・該当IPアドレスの遮断");
        body.put("otherInfo", "なし");
        body.put("annex", false);
        body.put("audience", audience);
        return body;
    }

    protected static Map<String, Object> rule(String kind, Object... pairs) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", kind);
        for (int i = 0; i < pairs.length; i += 2) {
            r.put((String) pairs[i], pairs[i + 1]);
        }
        return r;
    }

    protected long draft(String token, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/alerts", body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return id(r.body());
    }

    protected Map send(String token, long id) {
        return exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/send", ""), token, Map.class).body();
    }

    /** Creates and sends an alert; returns the delivery (alert, organisations, readers). */
    protected Map sent(String token, Map<String, Object> body) {
        return send(token, draft(token, body));
    }

    protected Map passOn(String token, long id, @Nullable String tlp, List<Map<String, Object>> audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("audience", audience);
        if (tlp != null) {
            body.put("tlp", tlp);
        }
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/alerts/" + id + "/pass-ons", body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r.body();
    }

    protected static long id(Map m) {
        return ((Number) m.get("id")).longValue();
    }

    protected static Map alertOf(Map delivery) {
        return (Map) delivery.get("alert");
    }

    /** The status of a request (the error status if it fails). */
    protected int status(MutableHttpRequest<?> request, @Nullable String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** Every item of every page of a cursor listing. */
    protected List<Map> allPages(String path, String token) {
        List<Map> out = new ArrayList<>();
        String cursor = null;
        do {
            String sep = path.contains("?") ? "&" : "?";
            Map page = get(path + sep + "limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token);
            out.addAll((List<Map>) page.get("items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return out;
    }

    protected static String key() {
        return UUID.randomUUID().toString();
    }
}
