package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant's per-record-type policy (issue 4 item 8): a secretariat admin can make a record type read-only for
 * operator staff; operator admins and the secretariat still edit it; other record types and other tenants are
 * unaffected. Each test uses a tenant of its own because the policy is tenant-wide.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class RecordPolicyTest extends MemberRecordsTestSupport {
    private static final String POLICIES = "/api/v1/record-policies";

    @Test
    void everyUserOfTheTenantReadsThePolicyAndOnlyASecretariatAdminChangesIt() {
        Tenant t = newTenant("方針試験CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long member = createMember(admin);
        String staff = token(person(t, Role.OPERATOR_STAFF, member));
        String secStaff = token(person(t, Role.SECRETARIAT_STAFF));

        List<Map> items = (List<Map>) get(POLICIES, staff).get("items");
        assertThat(items).extracting(i -> i.get("recordType")).containsExactly("contacts", "suppliers",
                "cloud-services", "critical-services", "continuity-plans", "self-assessment");
        assertThat(items).allSatisfy(i -> assertThat(i.get("operatorStaffReadOnly")).isEqualTo(false));

        for (String caller : List.of(staff, secStaff, token(person(t, Role.OPERATOR_ADMIN, member)))) {
            assertThat(error(HttpRequest.PUT(POLICIES + "/contacts", Map.of("operatorStaffReadOnly", true))
                    .bearerAuth(caller)).code()).isEqualTo(403);
        }
        String nisc = nisc();
        assertThat(error(HttpRequest.GET(POLICIES).bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.PUT(POLICIES + "/contacts", Map.of("operatorStaffReadOnly", true))
                .bearerAuth(nisc)).code()).isEqualTo(403);

        HttpResponse<Map> unknown = error(HttpRequest.PUT(POLICIES + "/payroll", Map.of("operatorStaffReadOnly", true))
                .bearerAuth(admin));
        assertThat(unknown.code()).isEqualTo(404);
        HttpResponse<Map> missing = error(HttpRequest.PUT(POLICIES + "/contacts", Map.of()).bearerAuth(admin));
        assertThat(missing.code()).isEqualTo(400);
        assertThat((List<Map>) missing.getBody(Map.class).orElseThrow().get("violations"))
                .extracting(v -> v.get("field")).containsExactly("operatorStaffReadOnly");
        assertThat(readOnly(t, "contacts")).as("nothing written by refused calls").isNull();

        assertThat(error(HttpRequest.PUT(POLICIES + "/contacts", Map.of("operatorStaffReadOnly", true))
                .bearerAuth(admin)).code()).as("If-Match required").isEqualTo(428);
        String etag = http.toBlocking().exchange(HttpRequest.GET(POLICIES + "/contacts").bearerAuth(staff)).header("ETag");
        HttpResponse<Map> set = exchange(HttpRequest.PUT(POLICIES + "/contacts", Map.of("operatorStaffReadOnly", true))
                .header("If-Match", etag), admin, Map.class);
        assertThat(set.header("ETag")).isNotEqualTo(etag);
        HttpResponse<Map> stale = error(HttpRequest.PUT(POLICIES + "/contacts", Map.of("operatorStaffReadOnly", false))
                .header("If-Match", etag).bearerAuth(admin));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(set.header("ETag"));
        assertThat(set.body()).containsEntry("recordType", "contacts").containsEntry("operatorStaffReadOnly", true);
        assertThat(readOnly(t, "contacts")).isTrue();
        assertThat(jdbc.<Integer>execute(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? "
                    + "AND action = 'record-policy.updated' AND entity_id = 'contacts'")) {
                ps.setLong(1, t.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }).intValue()).isEqualTo(1);

        // another tenant's policy is its own
        String adminB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        assertThat((List<Map>) get(POLICIES, adminB).get("items"))
                .allSatisfy(i -> assertThat(i.get("operatorStaffReadOnly")).isEqualTo(false));
    }

    @Test
    void operatorStaffCannotChangeAReadOnlyRecordTypeButEveryoneElseCan() {
        Tenant t = newTenant("方針試験CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long member = createMember(admin);
        String staff = token(person(t, Role.OPERATOR_STAFF, member));
        String opAdmin = token(person(t, Role.OPERATOR_ADMIN, member));
        String contacts = "/api/v1/members/" + member + "/contacts";
        String plans = "/api/v1/members/" + member + "/continuity-plans";

        long contactId = idOf(exchange(HttpRequest.POST(contacts, contact()), staff, Map.class));
        setPolicy(admin, "contacts", true);

        HttpResponse<Map> refused = error(HttpRequest.POST(contacts, contact()).bearerAuth(staff));
        assertThat(refused.code()).isEqualTo(403);
        assertThat(refused.getBody(Map.class).orElseThrow().get("type").toString()).endsWith("read-only-record-type");
        assertThat(error(HttpRequest.PATCH(contacts + "/" + contactId, Map.of("department", "総務部"))
                .header("If-Match", etagOf(contacts + "/" + contactId, staff)).bearerAuth(staff)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.DELETE(contacts + "/" + contactId)
                .header("If-Match", etagOf(contacts + "/" + contactId, staff)).bearerAuth(staff)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.POST(contacts + "/confirm", Map.of()).bearerAuth(staff)).code()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM contact WHERE tenant_id = ? AND member_operator_id = ?", t.id(), member))
                .as("nothing written").isEqualTo(1);

        // staff still read; the operator admin and the secretariat still write; other record types stay editable
        assertThat((List<?>) get(contacts, staff).get("items")).hasSize(1);
        assertThat(exchange(HttpRequest.POST(contacts, contact()), opAdmin, Map.class).code()).isEqualTo(201);
        assertThat(exchange(HttpRequest.POST(contacts, contact()), admin, Map.class).code()).isEqualTo(201);
        assertThat(exchange(HttpRequest.POST(plans, plan()), staff, Map.class).code()).isEqualTo(201);

        // and back
        setPolicy(admin, "contacts", false);
        assertThat(exchange(HttpRequest.POST(contacts, contact()), staff, Map.class).code()).isEqualTo(201);
    }

    private void setPolicy(String admin, String type, boolean readOnly) {
        String etag = http.toBlocking().exchange(HttpRequest.GET(POLICIES + "/" + type).bearerAuth(admin)).header("ETag");
        assertThat(exchange(HttpRequest.PUT(POLICIES + "/" + type, Map.of("operatorStaffReadOnly", readOnly))
                .header("If-Match", etag), admin, Map.class).code()).isEqualTo(200);
    }

    private Boolean readOnly(Tenant t, String type) {
        return jdbc.execute(c -> {
            try (var ps = c.prepareStatement("SELECT operator_staff_read_only FROM tenant_record_policy "
                    + "WHERE tenant_id = ? AND record_type = ?")) {
                ps.setLong(1, t.id());
                ps.setString(2, type);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBoolean(1) : null;
                }
            }
        });
    }

    private static long idOf(HttpResponse<Map> created) {
        assertThat(created.code()).isEqualTo(201);
        return ((Number) created.body().get("id")).longValue();
    }

    static Map<String, Object> contact() {
        return Map.of("nameJa", "山田 太郎", "nameKana", "やまだ たろう", "role", "CISO", "functions", List.of(Map.of("function", "POC",
                        "order", "PRIMARY")), "channels", List.of(Map.of("type", "EMAIL", "value", "yamada@example.jp")),
                "availability", "H24");
    }

    static Map<String, Object> plan() {
        return Map.of("planType", "BCP", "status", "DRAFTED");
    }
}
