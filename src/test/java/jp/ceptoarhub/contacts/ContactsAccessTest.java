package jp.ceptoarhub.contacts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees what: a CEPTOAR's secretariat sees all its members' contacts, operator users only their own
 * organisation's, NISC none; ids of another tenant or another member are not found, whatever the caller sends.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ContactsAccessTest extends ContactsTestSupport {

    @Test
    void noCallerReachesAnotherTenantsOrAnotherMembersContactsById() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        String staffA1 = token(person(tenantA(), Role.OPERATOR_STAFF, a1));
        long cA1 = createContactId(opA1, a1, contactBody());
        long cA2 = createContactId(secA, a2, contactBody());
        long cB1 = createContactId(secB, b1, contactBody());
        String nisc = nisc();
        long changesB = countChanges(b1);
        long changesA2 = countChanges(a2);

        // tenant A's secretariat vs tenant B's member and contact, by every route (also B's contact under A's member)
        for (MutableHttpRequest<?> r : everyRoute(b1, cB1)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("secretariat A: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, cB1).subList(2, 7)) {
            assertThat(error(r.bearerAuth(secA)).code()).as("B's contact under A's member: " + r.getPath())
                    .isEqualTo(404);
        }
        // an operator of member a1 vs member a2 of the same tenant, and a2's contact under its own member id
        for (MutableHttpRequest<?> r : everyRoute(a2, cA2)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("operator a1: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(404);
        }
        for (MutableHttpRequest<?> r : everyRoute(a1, cA2).subList(2, 7)) {
            assertThat(error(r.bearerAuth(opA1)).code()).as("a2's contact under a1: " + r.getPath()).isEqualTo(404);
        }
        // NISC: no access to any CEPTOAR's contact lists
        for (MutableHttpRequest<?> r : everyRoute(b1, cB1)) {
            assertThat(error(r.bearerAuth(nisc)).code()).as("NISC: " + r.getMethodName() + " " + r.getPath())
                    .isEqualTo(403);
        }
        // nothing was written
        assertThat(countContacts(b1)).isEqualTo(1);
        assertThat(countChanges(b1)).isEqualTo(changesB);
        assertThat(countChanges(a2)).isEqualTo(changesA2);
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id IN (?, ?) AND version = 0 AND deleted_at IS NULL",
                cB1, cA2)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE record_type = 'contacts' "
                + "AND member_operator_id IN (?, ?)", b1, a2)).isZero();

        // positive controls: the same requests succeed for those entitled to them
        assertThat(get(contacts(b1) + "/" + cB1, secB).get("nameJa")).isEqualTo("山田 太郎");
        assertThat(get(contacts(a2) + "/" + cA2, secA).get("nameJa")).isEqualTo("山田 太郎");
        assertThat(((List<Map>) get(contacts(a1), staffA1).get("items"))).extracting(c -> ((Number) c.get("id")).longValue())
                .containsExactly(cA1);
        HttpResponse<Map> byStaff = createContact(staffA1, a1, contactBody("POC", "DEPUTY", "H24"));
        assertThat(byStaff.code()).isEqualTo(201);
        String etag = http.toBlocking().exchange(HttpRequest.GET(contacts(a2) + "/" + cA2).bearerAuth(secA), Map.class)
                .header("ETag");
        assertThat(exchange(HttpRequest.PATCH(contacts(a2) + "/" + cA2, Map.of("department", "経営企画部"))
                .header("If-Match", etag), secA, Map.class).code()).isEqualTo(200);
        // an unknown member or contact id is a 404 as well
        assertThat(error(HttpRequest.GET(contacts(Long.MAX_VALUE / 2)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(contacts(a1) + "/999999999").bearerAuth(opA1)).code()).isEqualTo(404);
    }

    /** Every contacts route for the member and contact, list-level first (index 0-1), then per contact (2-6), then 7-9. */
    private static List<MutableHttpRequest<?>> everyRoute(long member, long contact) {
        String base = contacts(member);
        return List.of(
                HttpRequest.GET(base),
                HttpRequest.POST(base, contactBody()),
                HttpRequest.GET(base + "/" + contact),
                HttpRequest.PATCH(base + "/" + contact, Map.of("nameJa", "改ざん")).header("If-Match", "*"),
                HttpRequest.DELETE(base + "/" + contact).header("If-Match", "*"),
                HttpRequest.GET(base + "/" + contact + "/history"),
                HttpRequest.PATCH(base + "/" + contact, Map.of("notes", "x")).header("If-Match",
                        "W/\"contact-" + contact + "-v0\""),
                HttpRequest.GET(base + "?updatedSince=2020-01-01T00:00:00Z"),
                HttpRequest.GET(base + "/coverage"),
                HttpRequest.POST(base + "/confirm", Map.of()));
    }
}
