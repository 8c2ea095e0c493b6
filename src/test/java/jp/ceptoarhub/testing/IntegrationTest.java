package jp.ceptoarhub.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base of the integration tests: the service runs against the real MariaDB and the real Keycloak of
 * {@link TestStack}; people log in through Keycloak's own login pages. Subclasses are
 * {@code @MicronautTest(transactional = false)}.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {
    public static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;
    @Inject
    @Client("/")
    protected HttpClient http;
    @Inject
    protected IdentityProvisioning provisioning;
    @Inject
    protected UserDirectory users;
    @Inject
    protected TenantDirectory tenants;

    @Override
    public @NonNull Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>();
        TestStack.properties().forEach((k, v) -> p.put(k, String.valueOf(v)));
        return p;
    }

    protected String keycloakUrl() {
        return TestStack.get().keycloakUrl();
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * A person with a known password, registered with the given role. Secretariat and national people must use a
     * second factor, as in production: their first login enrols an authenticator (KeycloakLogin keeps its secret,
     * like a phone) and later logins enter its codes.
     */
    protected TestUser person(Tenant tenant, Role role, Long memberOperatorId) {
        String username = unique(role.code().replace("-", "") + "-");
        var created = provisioning.createUser(tenant.realmName(), new IdentityProvisioning.NewUser(username,
                username + "@example.jp", true, "Test", role.code(), PASSWORD, List.of())
                .withSecondFactor(role.requiresTotp()));
        var user = users.register(tenant.id(), created.subject(), username, username + "@example.jp", "Test " + role.code(),
                role, memberOperatorId);
        return new TestUser(tenant, user.id(), created.subject(), username);
    }

    protected TestUser person(Tenant tenant, Role role) {
        return person(tenant, role, null);
    }

    /** A national person of a national organisation (NISC_CI_DESK for nisc-analyst, a ministry code for officers). */
    protected TestUser nationalPerson(Role role, String organisationCode) {
        Tenant tenant = national();
        String username = unique(role.code().replace("-", "") + "-");
        var created = provisioning.createUser(tenant.realmName(), new IdentityProvisioning.NewUser(username,
                username + "@example.jp", true, "Test", role.code(), PASSWORD, List.of())
                .withSecondFactor(role.requiresTotp()));
        long organisationId = context.getBean(NationalOrganisations.class).findByCode(organisationCode).orElseThrow().id();
        var user = users.register(tenant.id(), created.subject(), username, username + "@example.jp",
                "Test " + role.code(), role, null, organisationId);
        return new TestUser(tenant, user.id(), created.subject(), username);
    }

    /** A new CEPTOAR tenant created through the platform API (real realm in Keycloak). */
    protected Tenant newTenant(String nameJa) {
        String code = unique("t");
        Map<String, Object> body = Map.of("code", code, "nameJa", nameJa, "nameEn", "Test CEPTOAR " + code,
                "firstAdmin", Map.of("username", "first-" + code, "email", "first-" + code + "@example.jp"));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", body).bearerAuth(platformAdminToken()), Map.class);
        return tenants.findByCode(code).orElseThrow();
    }

    private static volatile TestUser platformAdmin;

    protected String platformAdminToken() {
        if (platformAdmin == null) {
            synchronized (IntegrationTest.class) {
                if (platformAdmin == null) {
                    platformAdmin = person(national(), Role.PLATFORM_ADMIN);
                }
            }
        }
        return token(platformAdmin);
    }

    protected Tenant national() {
        return tenants.findByCode("national").orElseThrow();
    }

    /** Bearer token of the person, from a real Authorization Code + PKCE login (cached per test run). */
    protected String token(TestUser user) {
        // Access tokens live 5 minutes; log in again well before that so long suites never send an expired one.
        return TOKENS.compute(user.username(), (u, cached) -> {
            if (cached != null && cached.obtainedAt().isAfter(java.time.Instant.now().minusSeconds(180))) {
                return cached;
            }
            try {
                return new CachedToken(new KeycloakLogin(keycloakUrl()).login(user.tenant().realmName(), u, PASSWORD)
                        .accessToken(), java.time.Instant.now());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).token();
    }

    private record CachedToken(String token, java.time.Instant obtainedAt) {
    }

    /** Logs in a freshly invited person: temporary password → new password → TOTP set-up when required. */
    protected KeycloakLogin.Result firstLogin(String realm, String username, String temporaryPassword) throws Exception {
        return new KeycloakLogin(keycloakUrl()).login(realm, "ceptoar-web", username, temporaryPassword, PASSWORD, null);
    }

    protected <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, String token, Class<T> type) {
        return http.toBlocking().exchange(request.bearerAuth(token), type);
    }

    @SuppressWarnings("rawtypes")
    protected Map get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Map.class);
    }

    /** The status the request is answered with, success or not. */
    protected int statusOf(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Map.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The status of {@code GET /api/v1/me} with this bearer token: does the service accept it? */
    protected int meStatus(String token) {
        return statusOf(HttpRequest.GET("/api/v1/me").bearerAuth(token));
    }

    /** Sends the request and returns the error response (the test fails if the call succeeds). */
    @SuppressWarnings("rawtypes")
    protected HttpResponse<Map> error(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, Map.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Map> response = (HttpResponse<Map>) e.getResponse();
            response.getBody(Map.class);
            return response;
        }
        throw new AssertionError("Expected an error response for " + request.getMethodName() + " " + request.getPath());
    }

    public record TestUser(Tenant tenant, long userId, String subject, String username) {
    }
}
