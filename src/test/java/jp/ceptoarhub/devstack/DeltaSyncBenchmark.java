package jp.ceptoarhub.devstack;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.Application;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.members.MemberCommands;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantService;
import jp.ceptoarhub.testing.KeycloakLogin;

import java.lang.management.ManagementFactory;
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
import java.util.function.Function;

/**
 * Rerunnable load run of phones syncing their member's readiness records against the started service (real MariaDB
 * and Keycloak). Seeds a tenant with {@code bench.members} members, each with records of every record type (see
 * {@link #RECORD_TYPES}); {@code bench.phones} of them get an operator user with a bearer token (one phone each).
 * A phone's sync is one request per record type, sent together (as an app does on reconnect); syncs are scheduled
 * open-loop so that the total is {@code bench.rate} requests/s for {@code bench.seconds} s, round-robin over the
 * phones, (a) as a full listing, (b) as a delta since the last sync ({@code updatedSince}) with nothing changed and
 * (c) as a delta while the secretariat edits {@code bench.edits} contacts/s of those members. Reports per-request
 * and per-sync (all record types of the member answered) latency, measured from the scheduled send time so a
 * stalled server cannot hide its queueing (no coordinated omission).
 *
 * <p>Then it looks for the capacity knee: the highest request rate of full syncs at which p95 stays under
 * {@code bench.knee.p95} ms (50) with no error, stepping the rate up by {@code bench.knee.step} (×1.25) from
 * {@code bench.knee.start} requests/s ({@code bench.knee.seconds} s per step) until a step fails, then bisecting
 * between the last rate that held and the first that did not. At the knee it measures, in the same run, an
 * authenticated no-op ({@code GET /api/v1/me}: token check only) at the same rate, and reports the ratio of the
 * sync listings' p95 to the no-op's: what the listings cost beyond authentication. Run: {@code ./mvnw -Pbench-sync}.
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
        int edits = Integer.getInteger("bench.edits", 10);
        DevStack stack = DevStack.start(0);
        Map<String, Object> properties = new HashMap<>(stack.serviceProperties());
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String base = "http://127.0.0.1:" + server.getPort();
            String code = "sync" + System.nanoTime() % 1_000_000_000L;
            var created = context.getBean(TenantService.class).create(new TenantCommands.CreateTenant(code,
                    "電力CEPTOAR（計測）", "Electricity CEPTOAR (benchmark)", "ELECTRICITY_CEPTOAR", 180,
                    new TenantCommands.FirstAdmin(code + "-admin", code + "@example.jp", null)), Actor.system("benchmark"));
            Tenant tenant = created.tenant();
            AppUser firstAdmin = context.getBean(UserDirectory.class).findBySubject(tenant.id(), created.firstAdmin().subject()).orElseThrow();
            CurrentUser secretariat = new CurrentUser(tenant.id(), tenant.code(), tenant.kind(), firstAdmin.id(),
                    firstAdmin.subject(), firstAdmin.username(), Role.SECRETARIAT_ADMIN, null);
            String secretariatToken = token(context, stack, tenant, code + "-sec", Role.SECRETARIAT_ADMIN, null);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
            List<Long> members = new ArrayList<>();
            int records = 0;
            SampleRecords samples = new SampleRecords(http, base);
            for (int m = 0; m < memberCount; m++) {
                String first5 = String.format("%05d", 20_000 + m);
                long id = context.getBean(MemberService.class).create(secretariat, new MemberCommands.MemberInput(
                        "計測市" + m, "ケイソクシ", null, null, first5 + OrganisationCodes.localGovernmentCheckDigit(first5),
                        "GOVERNMENT_ADMINISTRATIVE_SERVICES", "LOCAL_GOVERNMENT", null, null, "MEMBER", null, null)).id();
                members.add(id);
                records += samples.seed(id, "GOVERNMENT_ADMINISTRATIVE_SERVICES", secretariatToken);
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
            Result idleDelta = run(http, base, phoneList, lastSync, rate, seconds, "delta sync, nothing changed");
            String beforeEdits = Instant.now().toString();
            Editor editor = new Editor(http, base, phoneList, secretariatToken, edits);
            editor.start();
            Result deltaResult = run(http, base, phoneList, beforeEdits, rate, seconds,
                    "delta sync, " + edits + " contact edits/s meanwhile");
            editor.stop();
            System.out.printf("edits during the delta run: %d made, %d failed%n", editor.made.get(), editor.failed.get());
            Knee knee = findKnee(http, base, phoneList);
            System.out.println("SYNC BENCHMARK (" + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                    + "):\n  " + fullResult + "\n  " + idleDelta + "\n  " + deltaResult
                    + "\n  edits: " + editor.made.get() + " made, " + editor.failed.get() + " failed"
                    + "\n  " + knee);
            server.stop();
        } finally {
            stack.close();
        }
    }

    record Phone(long memberId, String token) {
    }

    /**
     * The secretariat editing the phones' members' contacts at a steady rate (GET for the ETag, then PATCH with
     * If-Match), so that delta syncs return real changes and compete with writes.
     */
    static final class Editor {
        private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("\\{\"id\":(\\d+)");
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private final HttpClient http;
        private final String base;
        private final List<Phone> phones;
        private final String token;
        private final int perSecond;
        private volatile boolean running = true;
        private Thread thread;

        Editor(HttpClient http, String base, List<Phone> phones, String token, int perSecond) {
            this.http = http;
            this.base = base;
            this.phones = phones;
            this.token = token;
            this.perSecond = perSecond;
        }

        void start() throws Exception {
            List<String> contacts = new ArrayList<>();
            for (Phone p : phones) {
                String list = http.send(get(base + "/api/v1/members/" + p.memberId() + "/contacts?limit=200"),
                        HttpResponse.BodyHandlers.ofString()).body();
                var m = ID.matcher(list);
                while (m.find()) {
                    contacts.add(base + "/api/v1/members/" + p.memberId() + "/contacts/" + m.group(1));
                }
            }
            thread = Thread.ofPlatform().name("bench-editor").start(() -> {
                long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
                long next = System.nanoTime();
                for (int i = 0; running; i++) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += interval;
                    String url = contacts.get(i % contacts.size());
                    try {
                        HttpResponse<String> current = http.send(get(url), HttpResponse.BodyHandlers.ofString());
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("If-Match", current.headers().firstValue("ETag").orElse(""))
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"notes\":\"計測中の更新 " + i + "\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        (r.statusCode() == 200 ? made : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private HttpRequest get(String url) {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
        }
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

    /** A sync of every record type by each phone in turn, {@code rate} requests/s for {@code seconds} s. */
    static Result run(HttpClient http, String base, List<Phone> phones, String updatedSince, int rate, int seconds,
                      String name) throws Exception {
        return run(http, phones, phone -> RECORD_TYPES.stream().map(type -> base + "/api/v1/members/" + phone.memberId()
                + "/" + type + "?limit=200" + (updatedSince == null ? "" : "&updatedSince=" + updatedSince)).toList(),
                rate, seconds, name);
    }

    /**
     * Open-loop load: every tick sends the URLs {@code tick} gives for the next phone (round-robin) at once; ticks are
     * spaced so that the total is {@code rate} requests/s. Latency counts from the scheduled send time.
     */
    static Result run(HttpClient http, List<Phone> phones, Function<Phone, List<String>> tick, int rate, int seconds,
                      String name) throws Exception {
        int perTick = tick.apply(phones.getFirst()).size();
        int ticks = Math.max(1, rate * seconds / perTick);
        long interval = TimeUnit.SECONDS.toNanos(1) * perTick / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> tickLatencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(ticks);
        long start = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Phone phone = phones.get(i % phones.size());
            List<CompletableFuture<?>> requests = new ArrayList<>(perTick);
            for (String url : tick.apply(phone)) {
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
                    .whenComplete((v, t) -> tickLatencies.add(System.nanoTime() - scheduled)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(t -> null).get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] perTickSorted = tickLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Result result = new Result(name, ticks, sorted.length, errors.get(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6, pct(perTickSorted, 50), pct(perTickSorted, 95),
                perTickSorted[perTickSorted.length - 1] / 1e6, sorted.length / elapsed);
        System.out.println(result);
        return result;
    }

    /** The capacity knee of full syncs, and the no-op ({@code GET /api/v1/me}) at that rate. */
    static Knee findKnee(HttpClient http, String base, List<Phone> phones) throws Exception {
        double p95Limit = Double.parseDouble(System.getProperty("bench.knee.p95", "50"));
        int seconds = Integer.getInteger("bench.knee.seconds", 10);
        double step = Double.parseDouble(System.getProperty("bench.knee.step", "1.25"));
        int rate = Integer.getInteger("bench.knee.start", 100);
        int max = Integer.getInteger("bench.knee.max", 3000);
        int low = 0;
        int high = max;
        while (rate <= max) {
            Result r = run(http, base, phones, null, rate, seconds, "knee search, full sync at " + rate + "/s");
            if (!holds(r, p95Limit)) {
                high = rate;
                break;
            }
            low = rate;
            rate = (int) Math.ceil(rate * step);
        }
        for (int i = 0; i < 3 && low > 0 && high - low > Math.max(10, low / 20); i++) {
            int mid = (low + high) / 2;
            Result r = run(http, base, phones, null, mid, seconds, "knee bisection, full sync at " + mid + "/s");
            if (holds(r, p95Limit)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        if (low == 0) {
            return new Knee(p95Limit, 0, null, null);
        }
        int kneeRate = low;
        Result sync = run(http, base, phones, null, kneeRate, seconds, "at the knee, full sync at " + kneeRate + "/s");
        Result noOp = run(http, phones, phone -> List.of(base + "/api/v1/me"), kneeRate, seconds,
                "at the knee, GET /api/v1/me at " + kneeRate + "/s");
        return new Knee(p95Limit, kneeRate, sync, noOp);
    }

    private static boolean holds(Result r, double p95Limit) {
        return r.errors() == 0 && r.p95() < p95Limit;
    }

    record Knee(double p95Limit, int rate, Result sync, Result noOp) {
        @Override
        public String toString() {
            if (sync == null) {
                return "capacity knee: none found (p95 over " + p95Limit + " ms or errors already at the start rate)";
            }
            return String.format("capacity knee (p95 < %.0f ms, 0 errors): %d requests/s of full syncs; at that rate "
                            + "sync listing p95 %.1f ms (%d errors), GET /api/v1/me p95 %.1f ms (%d errors): ratio %.2f",
                    p95Limit, rate, sync.p95(), sync.errors(), noOp.p95(), noOp.errors(), sync.p95() / noOp.p95());
        }
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String token(ApplicationContext context, DevStack stack, Tenant tenant, String username, Role role,
                                Long memberId) throws Exception {
        String password = "Benchmark-Password-1";
        var user = context.getBean(IdentityProvisioning.class).createUser(tenant.realmName(),
                new IdentityProvisioning.NewUser(username, null, true, "Bench", "Mark", password, List.of())
                        .withSecondFactor(role.requiresTotp()));
        context.getBean(UserDirectory.class).register(tenant.id(), user.subject(), username, null, null, role, memberId);
        return new KeycloakLogin(stack.keycloakUrl()).login(tenant.realmName(), username, password).accessToken();
    }
}
