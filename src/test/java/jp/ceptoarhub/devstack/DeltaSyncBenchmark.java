package jp.ceptoarhub.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.Application;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.CurrentUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.Role;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.members.MemberCommands;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantService;
import jp.ceptoarhub.testing.KeycloakLogin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Rerunnable load run of a phone's sync of one member's call tree against the started service (real MariaDB and
 * Keycloak): a tenant with {@code bench.members} members of 8 contacts each, then an open-loop load of
 * {@code bench.rate} requests/s for {@code bench.seconds} s of (a) the full list and (b) a delta since the last sync,
 * each request authenticated with an operator's bearer token. Latency is measured from the scheduled send time, so a
 * stalled server cannot hide its queueing (no coordinated omission). Run: {@code ./mvnw -Pbench-sync}.
 */
public final class DeltaSyncBenchmark {
    private DeltaSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int memberCount = Integer.getInteger("bench.members", 100);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        DevStack stack = DevStack.start(0);
        Map<String, Object> properties = new HashMap<>(stack.serviceProperties());
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String base = "http://127.0.0.1:" + server.getPort();
            String code = "sync" + System.nanoTime() % 1_000_000_000L;
            var created = context.getBean(TenantService.class).create(new TenantCommands.CreateTenant(code,
                    "電力CEPTOAR（計測）", "Electricity CEPTOAR (benchmark)", "ELECTRICITY_CEPTOAR", 180,
                    new TenantCommands.FirstAdmin(code + "-admin", code + "@example.jp", null)), AuditService.Actor.system("benchmark"));
            Tenant tenant = created.tenant();
            AppUser firstAdmin = context.getBean(UserDirectory.class).findBySubject(tenant.id(), created.firstAdmin().subject()).orElseThrow();
            CurrentUser secretariat = new CurrentUser(tenant.id(), tenant.code(), tenant.kind(), firstAdmin.id(),
                    firstAdmin.subject(), firstAdmin.username(), Role.SECRETARIAT_ADMIN, null);
            String secretariatToken = token(context, stack, tenant, code + "-sec", Role.SECRETARIAT_ADMIN, null);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
            List<Long> members = new ArrayList<>();
            for (int m = 0; m < memberCount; m++) {
                String first5 = String.format("%05d", 20_000 + m);
                long id = context.getBean(MemberService.class).create(secretariat, new MemberCommands.MemberInput(
                        "計測市" + m, "ケイソクシ", null, null, first5 + OrganisationCodes.localGovernmentCheckDigit(first5),
                        "GOVERNMENT_ADMINISTRATIVE_SERVICES", "LOCAL_GOVERNMENT", null, null, "MEMBER", null, null)).id();
                members.add(id);
                for (int c = 0; c < 8; c++) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/members/" + id + "/contacts"))
                            .header("Authorization", "Bearer " + secretariatToken).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(contact(c))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("contact create failed: " + r.statusCode() + " " + r.body());
                    }
                }
            }
            long target = members.get(memberCount / 2);
            String operatorToken = token(context, stack, tenant, code + "-op", Role.OPERATOR_ADMIN, target);
            String lastSync = Instant.now().toString();
            String full = base + "/api/v1/members/" + target + "/contacts?limit=50";
            String delta = full + "&updatedSince=" + lastSync;
            System.out.printf("data: %d members x 8 contacts; target member %d%n", memberCount, target);

            run(http, full, operatorToken, rate, 10, "warm-up (full list)");
            Result fullResult = run(http, full, operatorToken, rate, seconds, "full sync");
            Result deltaResult = run(http, delta, operatorToken, rate, seconds, "delta sync");
            System.out.println("SYNC BENCHMARK (" + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                    + "): " + fullResult + " | " + deltaResult);
            server.stop();
        } finally {
            stack.close();
        }
    }

    record Result(String name, int sent, int errors, double p50, double p95, double p99, double max, double achievedRate) {
        @Override
        public String toString() {
            return String.format("%s: %d requests at %.0f/s, %d errors, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    name, sent, achievedRate, errors, p50, p95, p99, max);
        }
    }

    static Result run(HttpClient http, String url, String token, int rate, int seconds, String name) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", "ja").timeout(Duration.ofSeconds(10)).GET().build();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, t) -> {
                latencies.add(System.nanoTime() - scheduled);
                if (t != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(t -> null).get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Result result = new Result(name, total, errors.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6, total / elapsed);
        System.out.println(result);
        return result;
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String token(ApplicationContext context, DevStack stack, Tenant tenant, String username, Role role,
                                Long memberId) throws Exception {
        String password = "Benchmark-Password-1";
        var user = context.getBean(IdentityProvisioning.class).createUser(tenant.realmName(),
                new IdentityProvisioning.NewUser(username, null, true, "Bench", "Mark", password, List.of()));
        context.getBean(UserDirectory.class).register(tenant.id(), user.subject(), username, null, null, role, memberId);
        return new KeycloakLogin(stack.keycloakUrl()).login(tenant.realmName(), username, password).accessToken();
    }

    private static String contact(int i) {
        String[][] functions = {{"POC", "PRIMARY"}, {"POC", "DEPUTY"}, {"INCIDENT_CONTACT", "PRIMARY"},
                {"INCIDENT_CONTACT", "DEPUTY"}, {"INCIDENT_CONTACT", "AFTER_HOURS"}, {"BCP_OWNER", "PRIMARY"},
                {"BCP_OWNER", "DEPUTY"}, {"POC", "AFTER_HOURS"}};
        return """
                {"nameJa":"計測 太郎%d","nameKana":"ケイソク タロウ","role":"SYSTEM_STAFF","department":"情報システム部",
                 "functions":[{"function":"%s","order":"%s"}],
                 "channels":[{"type":"EMAIL","value":"bench%d@example.jp","verifiedAt":"2025-04-01"},{"type":"MOBILE","value":"090-1234-56%02d"}],
                 "availability":"H24","notes":"夜間は携帯へ連絡"}
                """.formatted(i, functions[i][0], functions[i][1], i, i);
    }
}
