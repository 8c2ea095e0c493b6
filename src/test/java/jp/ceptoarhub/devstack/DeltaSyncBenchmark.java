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
 * Rerunnable load run of phones syncing their member's readiness records against the started service (real MariaDB
 * and Keycloak). Seeds a tenant with {@code bench.members} members, each with records of every record type (see
 * {@link #RECORD_TYPES}); {@code bench.phones} of them get an operator user with a bearer token (one phone each).
 * A phone's sync is one request per record type, sent together (as an app does on reconnect); syncs are scheduled
 * open-loop so that the total is {@code bench.rate} requests/s for {@code bench.seconds} s, round-robin over the
 * phones, (a) as a full listing and (b) as a delta since the last sync ({@code updatedSince}). Reports per-request
 * and per-sync (all record types of the member answered) latency, measured from the scheduled send time so a
 * stalled server cannot hide its queueing (no coordinated omission). Run: {@code ./mvnw -Pbench-sync}.
 */
public final class DeltaSyncBenchmark {
    /** What a phone syncs: one listing per record type, below /api/v1/members/{id}/. */
    static final List<String> RECORD_TYPES = List.of("contacts", "suppliers", "cloud-services", "critical-services",
            "systems", "continuity-plans", "self-assessment/answers");

    private DeltaSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int memberCount = Integer.getInteger("bench.members", 100);
        int phones = Integer.getInteger("bench.phones", 10);
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
            int records = 0;
            Answers answers = completeAnswers(http, base, secretariatToken);
            for (int m = 0; m < memberCount; m++) {
                String first5 = String.format("%05d", 20_000 + m);
                long id = context.getBean(MemberService.class).create(secretariat, new MemberCommands.MemberInput(
                        "計測市" + m, "ケイソクシ", null, null, first5 + OrganisationCodes.localGovernmentCheckDigit(first5),
                        "GOVERNMENT_ADMINISTRATIVE_SERVICES", "LOCAL_GOVERNMENT", null, null, "MEMBER", null, null)).id();
                members.add(id);
                records += seedMember(http, base + "/api/v1/members/" + id + "/", secretariatToken, answers);
            }
            List<Phone> phoneList = new ArrayList<>();
            for (int i = 0; i < phones; i++) {
                long member = members.get(i * memberCount / phones);
                phoneList.add(new Phone(member, token(context, stack, tenant, code + "-op" + i, Role.OPERATOR_ADMIN, member)));
            }
            String lastSync = Instant.now().toString();
            System.out.printf("data: %d members, %d records (%d record types, %d per member); %d phones%n", memberCount,
                    records, RECORD_TYPES.size(), records / memberCount, phones);

            run(http, base, phoneList, null, rate, 10, "warm-up (full sync)");
            Result fullResult = run(http, base, phoneList, null, rate, seconds, "full sync");
            Result deltaResult = run(http, base, phoneList, lastSync, rate, seconds, "delta sync");
            System.out.println("SYNC BENCHMARK (" + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                    + "):\n  " + fullResult + "\n  " + deltaResult);
            server.stop();
        } finally {
            stack.close();
        }
    }

    record Phone(long memberId, String token) {
    }

    /**
     * One member's records of every type through the API, as a CEPTOAR of local governments would keep them: 8
     * contacts, 5 suppliers, 3 cloud services, 2 critical services with 3 systems linked to them and to suppliers,
     * 3 continuity plans and the self-assessment answered. Returns the number of records.
     */
    private static int seedMember(HttpClient http, String member, String token, Answers answers) throws Exception {
        int n = 0;
        for (int c = 0; c < 8; c++) {
            send(http, "POST", member + "contacts", token, contact(c), 201);
            n++;
        }
        List<Long> suppliers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            suppliers.add(id(send(http, "POST", member + "suppliers", token, """
                    {"nameJa":"計測システム株式会社%d","supplierTypes":["SYSTEM_VENDOR"],"servicesSupplied":["住民情報システムの保守"],
                     "criticality":"HIGH","contractSecurity":{"clauses":["INCIDENT_NOTIFICATION","SECURITY_REQUIREMENTS"],
                     "reviewedOn":"2025-04-01"},"incidentContact":{"name":"保守窓口","phone":"03-1234-5678",
                     "email":"soc%d@example.jp","afterHours":true},"country":"JP","resubcontracting":"WITH_APPROVAL"}
                    """.formatted(i, i), 201)));
            n++;
        }
        for (int i = 0; i < 3; i++) {
            send(http, "POST", member + "cloud-services", token, """
                    {"providerName":"計測クラウド株式会社","serviceName":"計測SaaS %d","serviceModels":["SAAS"],
                     "deploymentModel":"PUBLIC","importance":"HIGH","dataCarried":"住民記録（個人データを含む）",
                     "providerCountry":"JP","dataCountries":["JP"],"certifications":[{"code":"ISMAP","verifiedOn":"2025-04-01"}],
                     "checks":[{"code":"SLA","status":"DONE","evidenceDate":"2025-04-01"}],
                     "measures":[{"code":"BACKUP","status":"DONE"}]}
                    """.formatted(i), 201);
            n++;
        }
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            services.add(id(send(http, "POST", member + "critical-services", token, """
                    {"templateId":"gov.local-government-services","name":"住民サービス %d","rtoMinutes":240,"rpoMinutes":60,
                     "ownerName":"計測 太郎"}
                    """.formatted(i), 201)));
            n++;
        }
        for (int i = 0; i < 3; i++) {
            send(http, "POST", member + "systems", token, """
                    {"name":"基幹系システム %d","kind":"IT","criticality":"HIGH","hosting":"HYBRID","serviceIds":[%d],
                     "supplierIds":[%d]}
                    """.formatted(i, services.get(i % 2), suppliers.get(i)), 201);
            n++;
        }
        for (String plan : List.of("{\"planType\":\"CONTINGENCY_PLAN\",\"status\":\"with-cyber\",\"lastReviewedOn\":\"2025-04-01\"}",
                "{\"planType\":\"BCP\",\"status\":\"bcp-only\",\"cyberScenariosCovered\":\"PARTIAL\"}",
                "{\"planType\":\"RECOVERY_PLAN\",\"status\":\"bcp-only\",\"ownerName\":\"計測 花子\"}")) {
            send(http, "POST", member + "continuity-plans", token, plan, 201);
            n++;
        }
        send(http, "PATCH", member + "self-assessment/answers", token, answers.batch(), 200);
        return n + answers.count();
    }

    /** A batch (PATCH body) of {@code count} answers. */
    record Answers(String batch, int count) {
    }

    /** A batch of answers to every question that counts for completeness, from the catalogue endpoint. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Answers completeAnswers(HttpClient http, String base, String token) throws Exception {
        String body = send(http, "GET", base + "/api/v1/self-assessment/catalogue", token, null, 200);
        var json = io.micronaut.json.JsonMapper.createDefault();
        Map catalogue = json.readValue(body, Map.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            if (!Boolean.TRUE.equals(q.get("requiredForCompleteness"))) {
                continue;
            }
            Map option = ((List<Map>) q.get("options")).stream().filter(o -> Boolean.TRUE.equals(o.get("selectable")))
                    .findFirst().orElseThrow();
            Map<String, Object> item = new HashMap<>();
            item.put("questionId", q.get("id"));
            item.put("optionIds", List.of(option.get("id")));
            if (Boolean.TRUE.equals(option.get("requiresText"))) {
                item.put("otherText", "自由記述");
            }
            items.add(item);
        }
        return new Answers(new String(json.writeValueAsBytes(Map.of("answers", items)),
                java.nio.charset.StandardCharsets.UTF_8), items.size());
    }

    private static String send(HttpClient http, String method, String url, String token, String body, int expected)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static long id(String createdBody) {
        var m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(createdBody);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + createdBody);
        }
        return Long.parseLong(m.group(1));
    }

    record Result(String name, int syncs, int requests, int errors, double p50, double p95, double p99, double max,
                  double syncP50, double syncP95, double syncMax, double achievedRate) {
        @Override
        public String toString() {
            return String.format("%s: %d requests at %.0f/s (%d syncs), %d errors; per request p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms; per sync p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                    name, requests, achievedRate, syncs, errors, p50, p95, p99, max, syncP50, syncP95, syncMax);
        }
    }

    static Result run(HttpClient http, String base, List<Phone> phones, String updatedSince, int rate, int seconds,
                      String name) throws Exception {
        int perSync = RECORD_TYPES.size();
        int syncs = Math.max(1, rate * seconds / perSync);
        long interval = TimeUnit.SECONDS.toNanos(1) * perSync / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> syncLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(syncs);
        long start = System.nanoTime();
        for (int i = 0; i < syncs; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Phone phone = phones.get(i % phones.size());
            List<CompletableFuture<?>> requests = new ArrayList<>(perSync);
            for (String type : RECORD_TYPES) {
                String url = base + "/api/v1/members/" + phone.memberId() + "/" + type + "?limit=200"
                        + (updatedSince == null ? "" : "&updatedSince=" + updatedSince);
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + phone.token())
                        .header("Accept-Language", "ja").timeout(Duration.ofSeconds(10)).GET().build();
                requests.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, t) -> {
                    latencies.add(System.nanoTime() - scheduled);
                    if (t != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }));
            }
            inFlight.add(CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                    .whenComplete((v, t) -> syncLatencies.add(System.nanoTime() - scheduled)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(t -> null).get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] perSyncSorted = syncLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Result result = new Result(name, syncs, sorted.length, errors.get(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6, pct(perSyncSorted, 50), pct(perSyncSorted, 95),
                perSyncSorted[perSyncSorted.length - 1] / 1e6, sorted.length / elapsed);
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
