package jp.ceptoarhub.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.Application;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantService;
import jp.ceptoarhub.testing.KeycloakLogin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rerunnable benchmark of the bulk member import at the local-government CEPTOAR's size: starts the real stack,
 * then imports a 2,000-row CSV into fresh tenants {@code -Dbench.runs} times (default 5) over HTTP and prints
 * min / median / max. Run: {@code ./mvnw -Pbench-import}.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        int rows = Integer.getInteger("bench.rows", 2_000);
        DevStack stack = DevStack.start(0);
        Map<String, Object> properties = new HashMap<>(stack.serviceProperties());
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String csv = csv(rows);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                String token = secretariatToken(context, stack, "bench" + System.nanoTime() % 1_000_000_000L);
                long started = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort()
                                + "/api/v1/members/imports")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=UTF-8").timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body());
                }
                if (run == 0) {
                    System.out.printf("warm-up: %d ms%n", ms);
                } else {
                    millis.add(ms);
                    System.out.printf("run %d: %d rows in %d ms%n", run, rows, ms);
                }
            }
            Collections.sort(millis);
            System.out.printf("IMPORT BENCHMARK: %d rows (%d bytes), %d runs: min %d ms, median %d ms, max %d ms%n",
                    rows, csv.getBytes(StandardCharsets.UTF_8).length, millis.size(), millis.getFirst(),
                    millis.get(millis.size() / 2), millis.getLast());
            server.stop();
        } finally {
            stack.close();
        }
    }

    private static String secretariatToken(ApplicationContext context, DevStack stack, String code) throws Exception {
        var created = context.getBean(TenantService.class).create(new TenantCommands.CreateTenant(code, "自治体CEPTOAR（計測）",
                "Local Government CEPTOAR (benchmark)", "LOCAL_GOVERNMENT_CEPTOAR", 180,
                new TenantCommands.FirstAdmin(code + "-admin", code + "@example.jp", null)), Actor.system("benchmark"));
        Tenant tenant = created.tenant();
        String username = code + "-secretariat";
        String password = "Benchmark-Password-1";
        var user = context.getBean(IdentityProvisioning.class).createUser(tenant.realmName(),
                new IdentityProvisioning.NewUser(username, null, true, "Bench", "Mark", password, List.of())
                        .withSecondFactor(true));
        context.getBean(UserDirectory.class).register(tenant.id(), user.subject(), username, null, null,
                Role.SECRETARIAT_ADMIN, null);
        return new KeycloakLogin(stack.keycloakUrl()).login(tenant.realmName(), username, password).accessToken();
    }

    static String csv(int rows) {
        StringBuilder sb = new StringBuilder("nameJa,nameKana,localGovernmentCode,sectorCode,subSectorCode,membershipKind,address\n");
        for (int i = 0; i < rows; i++) {
            String first5 = String.format("%05d", 10_000 + i);
            sb.append("計測市").append(i).append(",ケイソクシ,").append(first5)
                    .append(OrganisationCodes.localGovernmentCheckDigit(first5))
                    .append(",GOVERNMENT_ADMINISTRATIVE_SERVICES,LOCAL_GOVERNMENT,MEMBER,\"東京都千代田区1-").append(i).append("\"\n");
        }
        return sb.toString();
    }
}
