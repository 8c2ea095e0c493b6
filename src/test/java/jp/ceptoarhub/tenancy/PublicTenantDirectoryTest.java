package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public sign-in directory: active tenants only, what a browser needs for Authorization Code + PKCE and nothing
 * else, the same answer whoever asks.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class PublicTenantDirectoryTest extends IntegrationTest {

    private List<Map> directory(HttpRequest<?> request) {
        return (List<Map>) http.toBlocking().retrieve(request, Map.class).get("items");
    }

    @Test
    void listsActiveTenantsNationalFirstWithTheirPublicOidcEndpoints() {
        Tenant active = newTenant("公開ディレクトリ試験CEPTOAR");
        List<Map> items = directory(HttpRequest.GET("/api/v1/public/tenants"));
        assertThat(items.getFirst().get("code")).isEqualTo("national");
        assertThat(items.getFirst().get("kind")).isEqualTo("NATIONAL");
        Map entry = items.stream().filter(i -> active.code().equals(i.get("code"))).findFirst().orElseThrow();
        String issuer = keycloakUrl() + "/realms/" + active.realmName();
        assertThat(entry).containsOnlyKeys("code", "kind", "name", "nameJa", "nameEn", "issuer", "clientId",
                "authorizationEndpoint", "tokenEndpoint", "endSessionEndpoint");
        assertThat(entry).containsEntry("name", "公開ディレクトリ試験CEPTOAR").containsEntry("issuer", issuer)
                .containsEntry("clientId", "ceptoar-web")
                .containsEntry("authorizationEndpoint", issuer + "/protocol/openid-connect/auth")
                .containsEntry("tokenEndpoint", issuer + "/protocol/openid-connect/token")
                .containsEntry("endSessionEndpoint", issuer + "/protocol/openid-connect/logout");
        Map en = directory(HttpRequest.GET("/api/v1/public/tenants").header("Accept-Language", "en")).stream()
                .filter(i -> active.code().equals(i.get("code"))).findFirst().orElseThrow();
        assertThat(en.get("name")).isEqualTo(active.nameEn());
        assertThat(get("/api/v1/public/tenants/" + active.code(), null)).isEqualTo(entry);
    }

    @Test
    void aSuspendedTenantIsAsUnknownAsOneThatNeverExisted() {
        Tenant suspended = newTenant("停止予定CEPTOAR");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants/" + suspended.id() + "/suspend", Map.of())
                .bearerAuth(platformAdminToken()), Map.class);
        assertThat(directory(HttpRequest.GET("/api/v1/public/tenants")))
                .noneMatch(i -> suspended.code().equals(i.get("code")));
        HttpResponse<Map> gone = error(HttpRequest.GET("/api/v1/public/tenants/" + suspended.code()));
        HttpResponse<Map> unknown = error(HttpRequest.GET("/api/v1/public/tenants/no-such-tenant"));
        assertThat(gone.code()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(gone.body().get("title")).isEqualTo(unknown.body().get("title"));
        assertThat(gone.body().get("detail")).isEqualTo(unknown.body().get("detail"));
    }

    @Test
    void aMalformedCodeIsRefusedNamingTheField() {
        HttpResponse<Map> bad = error(HttpRequest.GET("/api/v1/public/tenants/Bad_Code!"));
        assertThat(bad.code()).isEqualTo(400);
        assertThat((List<Map>) bad.body().get("violations")).singleElement()
                .satisfies(v -> assertThat(v.get("field")).isEqualTo("code"));
    }

    @Test
    void theSameAnswerWhoeverAsksAndNoIds() {
        Tenant a = newTenant("ディレクトリA");
        String tokenOfA = token(person(a, Role.SECRETARIAT_ADMIN));
        Map anonymous = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/public/tenants"), Map.class);
        Map asTenantA = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/public/tenants").bearerAuth(tokenOfA), Map.class);
        assertThat(asTenantA).isEqualTo(anonymous);
        String raw = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/public/tenants"), String.class);
        assertThat(raw).doesNotContain("\"id\"", "secret", "password", "status");
    }
}
