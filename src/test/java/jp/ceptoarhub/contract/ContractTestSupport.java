package jp.ceptoarhub.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
/**
 * Base of the contract tests: api-spec/openapi.yaml is loaded once per class into a validator with every message
 * an error (nothing of the spec relaxed); {@link #call} sends a real request through the running application (real
 * MariaDB, real Keycloak logins) and {@link #assertValid} checks request and response against the spec. Each record
 * feature adds its own subclass (e.g. SupplierContractTest) so the classes stay readable.
 */
@MicronautTest(transactional = false)
public abstract class ContractTestSupport extends IntegrationTest {
    protected static final Path SPEC = Path.of("api-spec", "openapi.yaml");
    protected static final String ACCEPT = "application/json, application/problem+json";

    @Inject
    protected JsonMapper json;

    protected OpenApiInteractionValidator validator;
    protected String platformAdmin;
    private Tenant tenant;
    private String tenantAdmin;

    @BeforeAll
    void setUpContract() {
        assertThat(SPEC).as("run from the project root").exists();
        validator = OpenApiInteractionValidator.createFor(SPEC.toAbsolutePath().toString())
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR).build())
                .withStrictOperationPathMatching()
                .build();
        platformAdmin = token(person(national(), Role.PLATFORM_ADMIN));
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------------

    /** One CEPTOAR tenant created through the API (and validated), shared by the tests of this class. */
    protected synchronized Tenant tenant() {
        if (tenant == null) {
            String code = unique("k");
            Exchange created = call("POST", "/api/v1/platform/tenants", platformAdmin, createBody(code),
                    "Idempotency-Key", java.util.UUID.randomUUID().toString());
            assertValid(created, 201);
            tenant = tenants.findByCode(code).orElseThrow();
        }
        return tenant;
    }

    protected synchronized String tenantAdmin() {
        if (tenantAdmin == null) {
            tenantAdmin = token(person(tenant(), Role.SECRETARIAT_ADMIN));
        }
        return tenantAdmin;
    }

    /** A member created through the API (validated) in the shared tenant; returns its id. */
    protected long createMember() {
        Exchange created = call("POST", "/api/v1/members", tenantAdmin(), memberBody(corporateNumber()));
        assertValid(created, 201);
        return Long.parseLong(jsonField(created.body(), "id"));
    }

    protected static String memberBody(String corporateNumber) {
        return """
                {"nameJa":"東都電力株式会社","nameKana":"トウトデンリョクカブシキガイシャ","nameEn":"Toto Electric Power Co., Inc.",
                 "corporateNumber":"%s","sectorCode":"ELECTRICITY","employeeBand":"1000-to-under-5000",
                 "capitalBand":"300m-or-more","membershipKind":"MEMBER","address":"東京都千代田区霞が関1-1-1",
                 "notes":"事務局メモ"}
                """.formatted(corporateNumber);
    }

    /** A random 法人番号 with a correct check digit (the first digit). */
    protected static String corporateNumber() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base.toString();
    }

    /** A random 全国地方公共団体コード with a correct check digit (the sixth digit). */
    protected static String localGovernmentCode() {
        String first5 = String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 48000));
        int[] weights = {6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (first5.charAt(i) - '0') * weights[i];
        }
        return first5 + (11 - sum % 11) % 10;
    }

    protected static String nextYear() {
        return java.time.LocalDate.now().plusYears(1).toString();
    }

    protected static String createBody(String code) {
        return """
                {"code":"%s","nameJa":"電力CEPTOAR（契約試験）","nameEn":"Electricity CEPTOAR (contract test)",
                 "ceptoarCode":"ELECTRICITY_CEPTOAR","staleAfterDays":180,
                 "firstAdmin":{"username":"admin-%s","email":"admin-%s@example.jp","displayName":"事務局 花子"}}
                """.formatted(code, code, code);
    }

    record Exchange(SimpleRequest request, String method, String path, int status,
                    Map<String, List<String>> headers, @Nullable String body) {
        @Nullable
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        SimpleResponse response() {
            SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
            headers.forEach(b::withHeader);
            if (body != null && !body.isEmpty()) {
                b.withBody(body);
            }
            return b.build();
        }
    }

    /**
     * Sends a request through Micronaut's blocking client and keeps the raw exchange; {@code headerPairs} are
     * name, value, name, value, ... (a Content-Type among them replaces application/json for the body). The same
     * method, path, query, headers and body make the validator's request.
     */
    protected Exchange call(String method, String pathAndQuery, @Nullable String token, @Nullable String jsonBody,
                          String... headerPairs) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(method), pathAndQuery);
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleRequest.Builder expected = new SimpleRequest.Builder(method, path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            headers.putIfAbsent("Content-Type", MediaType.APPLICATION_JSON);
            request.body(jsonBody);
            expected.withBody(jsonBody);
        }
        headers.forEach((name, value) -> {
            request.header(name, value);
            expected.withHeader(name, value);
        });
        if (pathAndQuery.contains("?")) {
            for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                expected.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }

        HttpResponse<?> response;
        String body;
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(request, String.class);
            response = ok;
            body = ok.getBody().orElse(null);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse(null);
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> responseHeaders.put(name, List.copyOf(values)));
        return new Exchange(expected.build(), method, path, response.code(), responseHeaders, body);
    }

    /** The request and the response both conform to the spec, and the status is the expected one. */
    protected void assertValid(Exchange exchange, int expectedStatus) {
        assertStatus(exchange, expectedStatus);
        report(exchange, validator.validate(exchange.request(), exchange.response()));
    }

    /** For requests that break the spec on purpose (bad input, no token): only the response is validated. */
    protected void assertValidResponse(Exchange exchange, int expectedStatus) {
        assertStatus(exchange, expectedStatus);
        report(exchange, validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()),
                exchange.response()));
    }

    protected static void assertStatus(Exchange exchange, int expectedStatus) {
        assertThat(exchange.status()).as("%s %s answered %s", exchange.method(), exchange.path(), exchange.body())
                .isEqualTo(expectedStatus);
    }

    protected static void report(Exchange exchange, ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR || m.getLevel() == ValidationReport.Level.WARN) {
                problems.add("[" + m.getLevel() + "] " + m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo())
                        + m.getNestedMessages().stream().map(n -> "\n      - " + n.getKey() + ": " + n.getMessage())
                        .collect(Collectors.joining()));
            }
        }
        if (!problems.isEmpty()) {
            fail(exchange.method() + " " + exchange.path() + " → " + exchange.status()
                    + " does not conform to api-spec/openapi.yaml:\n  " + String.join("\n  ", problems)
                    + "\n  headers: " + exchange.headers() + "\n  body: " + exchange.body());
        }
    }

    protected Object parse(String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Nullable
    protected String jsonField(String body, String field) {
        Object value = ((Map<?, ?>) parse(body)).get(field);
        return value == null ? null : value.toString();
    }
}
