package jp.ceptoarhub.contacts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads and paths of the contacts tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class ContactsTestSupport extends MemberRecordsTestSupport {
    protected static String contacts(long memberId) {
        return "/api/v1/members/" + memberId + "/contacts";
    }

    protected static Map<String, Object> contactBody(String function, String order, String availability) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "山田 太郎");
        body.put("nameKana", "ヤマダ タロウ");
        body.put("nameEn", "Taro Yamada");
        body.put("role", "CISO");
        body.put("department", "情報システム部");
        body.put("functions", function == null ? List.of() : List.of(Map.of("function", function, "order", order)));
        List<Map<String, Object>> channels = new ArrayList<>();
        channels.add(new HashMap<>(Map.of("type", "EMAIL", "value", "yamada@example.jp", "verifiedAt", "2025-04-01")));
        channels.add(new HashMap<>(Map.of("type", "MOBILE", "value", "090-1234-5678")));
        body.put("channels", channels);
        body.put("availability", availability);
        if ("BUSINESS_HOURS".equals(availability)) {
            body.put("availabilityHours", "平日 9:00-17:45");
        }
        body.put("notes", "夜間は携帯へ連絡");
        return body;
    }

    protected static Map<String, Object> contactBody() {
        return contactBody("POC", "PRIMARY", "H24");
    }

    protected HttpResponse<Map> createContact(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(contacts(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r;
    }

    protected long createContactId(String token, long memberId, Map<String, Object> body) {
        return ((Number) createContact(token, memberId, body).body().get("id")).longValue();
    }

    protected long countContacts(long memberId) {
        return count("SELECT COUNT(*) FROM contact WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return countChanges(memberId, "contacts");
    }
}
