package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One member's freshness (the operators' dashboard): the dashboard's rules, the member's own audience only. */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class MemberFreshnessTest extends MemberRecordsTestSupport {

    @Test
    void operatorsSeeTheirOwnMemberAsTheDashboardDoes() {
        String secretariat = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(secretariat);
        String operator = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        Map own = get("/api/v1/members/" + member + "/freshness", operator);
        assertThat(own.get("memberId")).isEqualTo((int) member);
        assertThat(own.get("status")).isEqualTo("MISSING");
        assertThat((List<Map>) own.get("records")).extracting(r -> r.get("recordType"))
                .contains("contacts", "suppliers", "cloud-services", "critical-services", "continuity-plans", "self-assessment");

        exchange(HttpRequest.POST("/api/v1/members/" + member + "/suppliers", Map.of("nameJa", "東都システム株式会社",
                "supplierTypes", List.of("SYSTEM_VENDOR"))), operator, Map.class);
        Map after = get("/api/v1/members/" + member + "/freshness", operator);
        Map suppliers = ((List<Map>) after.get("records")).stream()
                .filter(r -> r.get("recordType").equals("suppliers")).findFirst().orElseThrow();
        assertThat(suppliers.get("status")).isNotEqualTo("MISSING");
        assertThat(suppliers.get("lastChangedAt")).isNotNull();

        Map row = ((List<Map>) get("/api/v1/members/freshness", secretariat).get("items")).stream()
                .filter(r -> ((Number) r.get("memberId")).longValue() == member).findFirst().orElseThrow();
        assertThat(row.get("records")).isEqualTo(after.get("records"));
        assertThat(row.get("status")).isEqualTo(after.get("status"));
    }

    @Test
    void anotherMemberAnotherTenantOrTheNationalTierSeeNothing() {
        String secretariatA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long memberA = createMember(secretariatA);
        long otherMemberA = createMember(secretariatA);
        String operatorOfOther = token(person(tenantA(), Role.OPERATOR_ADMIN, otherMemberA));
        String secretariatB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));

        assertThat(error(HttpRequest.GET("/api/v1/members/" + memberA + "/freshness").bearerAuth(operatorOfOther)).code())
                .isEqualTo(404);
        assertThat(error(HttpRequest.GET("/api/v1/members/" + memberA + "/freshness").bearerAuth(secretariatB)).code())
                .isEqualTo(404);
        assertThat(error(HttpRequest.GET("/api/v1/members/" + memberA + "/freshness").bearerAuth(nisc())).code())
                .isEqualTo(403);
        assertThat(error(HttpRequest.GET("/api/v1/members/" + memberA + "/freshness")).code()).isEqualTo(401);
    }

    @Test
    void aMalformedMemberIdIsRefused() {
        String secretariat = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        var bad = error(HttpRequest.GET("/api/v1/members/not-a-number/freshness").bearerAuth(secretariat));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("memberId");
    }
}
