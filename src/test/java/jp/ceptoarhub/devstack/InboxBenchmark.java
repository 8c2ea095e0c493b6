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
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantDirectory;
import jp.ceptoarhub.tenancy.TenantService;
import jp.ceptoarhub.testing.KeycloakLogin;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * Rerunnable load run of the alert inbox against the started service (real MariaDB and Keycloak): a CEPTOAR of
 * {@code bench.members} members (1,800: the local-government CEPTOAR's size) holding {@code bench.alerts} alerts
 * (1,000) sent to its whole membership through the API — its own alerts, every third a follow-up (第n報) of the
 * previous thread, labels GREEN / AMBER / CLEAR / AMBER+STRICT, and every tenth a NISC provision to the sector
 * passed on by the secretariat — so every member holds a grant row of each (1.8 million rows). {@code bench.phones}
 * operator users of members across the membership have opened a third of them. Then, open-loop at
 * {@code bench.rate} requests/s for {@code bench.seconds} s round-robin over the phones: (a) the inbox's first page
 * (50 threads with unread counts), (b) the unread badge counts. Latency is measured from the scheduled send time
 * (no coordinated omission). Run: {@code ./mvnw -Pbench-inbox}.
 */
public final class InboxBenchmark {
    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int memberCount = Integer.getInteger("bench.members", 1800);
        int alertCount = Integer.getInteger("bench.alerts", 1000);
        int phoneCount = Integer.getInteger("bench.phones", 10);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 30);
        DevStack stack = DevStack.start(0);
        Map<String, Object> properties = new HashMap<>(stack.serviceProperties());
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(properties).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String base = "http://127.0.0.1:" + server.getPort();
            String code = "inbox" + System.nanoTime() % 1_000_000_000L;
            var created = context.getBean(TenantService.class).create(new TenantCommands.CreateTenant(code,
                    "自治体CEPTOAR（計測）", "Local Government CEPTOAR (benchmark)", "LOCAL_GOVERNMENT_CEPTOAR", 180,
                    new TenantCommands.FirstAdmin(code + "-admin", code + "@example.jp", null)), Actor.system("benchmark"));
            Tenant tenant = created.tenant();
            Tenant national = context.getBean(TenantDirectory.class).findByCode("national").orElseThrow();
            AppUser firstAdmin = context.getBean(UserDirectory.class).findBySubject(tenant.id(), created.firstAdmin().subject()).orElseThrow();
            CurrentUser secretariat = new CurrentUser(tenant.id(), tenant.code(), tenant.kind(), firstAdmin.id(),
                    firstAdmin.subject(), firstAdmin.username(), Role.SECRETARIAT_ADMIN, null);

            long seedStart = System.nanoTime();
            List<Long> members = new ArrayList<>();
            MemberService memberService = context.getBean(MemberService.class);
            for (int m = 0; m < memberCount; m++) {
                String first5 = String.format("%05d", 10_000 + m);
                members.add(memberService.create(secretariat, new MemberCommands.MemberInput("計測市" + m, "ケイソクシ",
                        null, null, first5 + OrganisationCodes.localGovernmentCheckDigit(first5),
                        "GOVERNMENT_ADMINISTRATIVE_SERVICES", "LOCAL_GOVERNMENT", null, null, "MEMBER", null, null)).id());
            }
            long niscDesk = context.getBean(NationalOrganisations.class).niscDesk().id();
            FreshToken secretariatToken = user(context, stack, tenant, code + "-sec", Role.SECRETARIAT_ADMIN, null, null);
            FreshToken niscToken = user(context, stack, national, code + "-nisc", Role.NISC_ANALYST, null, niscDesk);
            List<FreshToken> phones = new ArrayList<>();
            for (int i = 0; i < phoneCount; i++) {
                long member = members.get(i * memberCount / phoneCount);
                phones.add(user(context, stack, tenant, code + "-op" + i, Role.OPERATOR_STAFF, member, null));
            }
            System.out.printf("seeded %d members in %.0f s%n", memberCount, (System.nanoTime() - seedStart) / 1e9);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
            SampleAlerts samples = new SampleAlerts(http, base);
            String[] labels = {"GREEN", "AMBER", "CLEAR", "AMBER_STRICT"};
            long alertStart = System.nanoTime();
            List<Long> sent = new ArrayList<>();
            Long previous = null;
            int threads = 0;
            for (int i = 0; i < alertCount; i++) {
                String label = labels[i % labels.length];
                SampleAlerts.Sent s;
                if (i % 10 == 9) {
                    s = samples.send(niscToken.get(), SampleAlerts.body(i, label,
                            "[{\"kind\":\"SECTOR\",\"sectorCode\":\"GOVERNMENT_ADMINISTRATIVE_SERVICES\"}]", null));
                    samples.passOn(secretariatToken.get(), s.id(), "[{\"kind\":\"MEMBERS\"}]");
                    threads++;
                } else if (i % 3 == 2 && previous != null) {
                    s = samples.send(secretariatToken.get(), SampleAlerts.body(i, label, null, previous));
                } else {
                    s = samples.send(secretariatToken.get(), SampleAlerts.body(i, label, "[{\"kind\":\"MEMBERS\"}]", null));
                    threads++;
                }
                previous = i % 10 == 9 ? previous : s.id();
                sent.add(s.id());
                if ((i + 1) % 100 == 0) {
                    System.out.printf("sent %d alerts (%.0f s)%n", i + 1, (System.nanoTime() - alertStart) / 1e9);
                }
            }
            double sendSeconds = (System.nanoTime() - alertStart) / 1e9;
            for (FreshToken phone : phones) {
                for (int i = 0; i < sent.size(); i += 3) {
                    samples.open(phone.get(), sent.get(i));
                }
            }
            System.out.printf("data: %d members, %d alerts in %d threads (%d grant rows), sent in %.0f s (%.0f ms per "
                            + "alert); %d phones, each has opened %d%n", memberCount, alertCount, threads,
                    (long) memberCount * alertCount, sendSeconds, sendSeconds * 1000 / alertCount, phoneCount,
                    (sent.size() + 2) / 3);

            double loadBefore = load();
            run(http, base + "/api/v1/alerts/inbox?limit=50", tokens(phones), rate, 10, "warm-up (inbox)");
            Result inbox = run(http, base + "/api/v1/alerts/inbox?limit=50", tokens(phones), rate, seconds,
                    "inbox, first page of 50 threads");
            Result counts = run(http, base + "/api/v1/alerts/counts", tokens(phones), rate, seconds, "unread counts (badge)");
            System.out.printf("INBOX BENCHMARK (%d cores, load average %.2f before the runs, %.2f after):%n  %s%n  %s%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, load(), inbox, counts);
            server.stop();
        } finally {
            stack.close();
        }
    }

    record Result(String name, int requests, int errors, double p50, double p95, double p99, double max,
                  double achievedRate) {
        @Override
        public String toString() {
            return String.format("%s: %d requests at %.0f/s, %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    name, requests, achievedRate, errors, p50, p95, p99, max);
        }
    }

    static Result run(HttpClient http, String url, List<String> phones, int rate, int seconds, String name) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                    + phones.get(i % phones.size())).header("Accept-Language", "ja").timeout(Duration.ofSeconds(10)).GET().build();
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
        Result result = new Result(name, sorted.length, errors.get(), DeltaSyncBenchmark.pct(sorted, 50),
                DeltaSyncBenchmark.pct(sorted, 95), DeltaSyncBenchmark.pct(sorted, 99), sorted[sorted.length - 1] / 1e6,
                sorted.length / elapsed);
        System.out.println(result);
        return result;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Fresh access tokens of each phone (they live five minutes; a phase lasts at most one). */
    private static List<String> tokens(List<FreshToken> phones) throws Exception {
        List<String> out = new ArrayList<>();
        for (FreshToken p : phones) {
            out.add(p.get());
        }
        return out;
    }

    private static FreshToken user(ApplicationContext context, DevStack stack, Tenant tenant, String username, Role role,
                                   Long memberId, Long nationalOrganisationId) {
        String password = "Benchmark-Password-1";
        var user = context.getBean(IdentityProvisioning.class).createUser(tenant.realmName(),
                new IdentityProvisioning.NewUser(username, null, true, "Bench", "Mark", password, List.of())
                        .withSecondFactor(role.requiresTotp()));
        context.getBean(UserDirectory.class).register(tenant.id(), user.subject(), username, null, null, role, memberId,
                nationalOrganisationId);
        return new FreshToken(new KeycloakLogin(stack.keycloakUrl()), tenant.realmName(), username, password);
    }

    /** A user's access token, logged in again once it is three minutes old (Keycloak's tokens live five). */
    static final class FreshToken {
        private final KeycloakLogin login;
        private final String realm;
        private final String username;
        private final String password;
        private String token;
        private long obtainedAt;

        FreshToken(KeycloakLogin login, String realm, String username, String password) {
            this.login = login;
            this.realm = realm;
            this.username = username;
            this.password = password;
        }

        synchronized String get() throws Exception {
            if (token == null || System.nanoTime() - obtainedAt > TimeUnit.MINUTES.toNanos(3)) {
                token = login.login(realm, username, password).accessToken();
                obtainedAt = System.nanoTime();
            }
            return token;
        }
    }
}
