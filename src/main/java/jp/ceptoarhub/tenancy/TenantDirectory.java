package jp.ceptoarhub.tenancy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.DependencyUnavailable;
import jp.ceptoarhub.caller.TenantKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which token issuers the service trusts: an in-memory copy of the tenant table (every tenant's issuer and status),
 * reloaded in the background once it is older than {@code issuer-cache-ttl}, and at once on this replica when a
 * tenant is created, suspended or reactivated here.
 *
 * <p>Only registered issuers are ever held, so memory is bounded by the number of tenants whatever tokens arrive.
 * A token whose issuer is not in the copy (a tenant just created on another replica, or a forgery) may trigger one
 * reload, but at most one per {@code unknown-issuer-interval} for the whole service, and waits at most
 * {@code unknown-issuer-wait} for it; every other unknown issuer is refused without touching the database. While
 * the database is down the last copy keeps serving, so forged tokens are still refused (401) rather than failing
 * as 503.
 */
@Singleton
public class TenantDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(TenantDirectory.class);

    private final TenantRepository tenants;
    private final TenancySettings settings;
    private final Clock clock;
    private final ExecutorService background;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Snapshot>> reloading = new AtomicReference<>();
    private volatile Instant lastUnknownIssuerReload = Instant.EPOCH;

    TenantDirectory(TenantRepository tenants, TenancySettings settings, Clock clock,
                    @Named(TaskExecutors.BLOCKING) ExecutorService background, MeterRegistry meters) {
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
        this.background = background;
        Gauge.builder("ceptoar.tenancy.directory.issuers", snapshot, s -> s.get() == null ? 0 : s.get().byIssuer().size())
                .description("Token issuers the service trusts (registered tenants' realms)").register(meters);
    }

    @EventListener
    void warmUp(StartupEvent event) {
        reloadQuietly();
    }

    /** The active tenant whose realm issues tokens with this {@code iss}; empty if unknown or suspended. */
    public Optional<Tenant> findActiveByIssuer(String issuer) {
        Snapshot current = current();
        Tenant tenant = current.byIssuer().get(issuer);
        if (tenant == null) {
            tenant = afterUnknownIssuerReload(current).byIssuer().get(issuer);
        }
        return Optional.ofNullable(tenant).filter(Tenant::active);
    }

    /** The tenant with this id, from the in-memory copy (as fresh as issuers are), else from the database. */
    public Optional<Tenant> findById(long id) {
        Snapshot s = snapshot.get();
        Tenant cached = s == null ? null : s.byId().get(id);
        return cached != null ? Optional.of(cached) : tenants.findById(id).map(TenantRow::toTenant);
    }

    public Optional<Tenant> findByCode(String code) {
        return tenants.findByCode(code).map(TenantRow::toTenant);
    }

    public List<Tenant> ceptoarTenants() {
        return tenants.findByKind(TenantKind.CEPTOAR).stream().map(TenantRow::toTenant).toList();
    }

    /** Reloads now (after this replica created, suspended or reactivated a tenant). */
    void reload() {
        snapshot.set(load());
    }

    /** As {@link #reload}, after a commit: a failure leaves the background reload to catch up. */
    void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Tenant directory reload failed; the background reload catches up: {}", e.toString());
        }
    }

    Instant loadedAt() {
        Snapshot s = snapshot.get();
        return s == null ? Instant.EPOCH : s.loadedAt();
    }

    private Snapshot current() {
        Snapshot s = snapshot.get();
        if (s == null) {
            try {
                return awaitReload(settings.dependencyTimeout().toMillis());
            } catch (RuntimeException e) {
                throw new DependencyUnavailable("tenant directory could not be loaded: " + e.getMessage());
            }
        }
        if (s.loadedAt().plus(settings.issuerCacheTtl()).isBefore(clock.instant())) {
            reloadInBackground();
        }
        return s;
    }

    private Snapshot afterUnknownIssuerReload(Snapshot current) {
        Instant now = clock.instant();
        synchronized (this) {
            if (lastUnknownIssuerReload.plus(settings.unknownIssuerInterval()).isAfter(now)) {
                return current;
            }
            lastUnknownIssuerReload = now;
        }
        try {
            return awaitReload(settings.unknownIssuerWait().toMillis());
        } catch (RuntimeException e) {
            return current;
        }
    }

    private Snapshot awaitReload(long millis) {
        try {
            return reloadInBackground().get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** One reload at a time; callers that arrive while it runs share it. */
    private CompletableFuture<Snapshot> reloadInBackground() {
        CompletableFuture<Snapshot> running = reloading.get();
        if (running != null) {
            return running;
        }
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        if (!reloading.compareAndSet(null, mine)) {
            return reloading.get();
        }
        background.execute(() -> {
            try {
                Snapshot fresh = load();
                snapshot.set(fresh);
                mine.complete(fresh);
            } catch (RuntimeException e) {
                LOG.warn("Tenant directory reload failed; the previous copy stays in use: {}", e.toString());
                mine.completeExceptionally(e);
            } finally {
                reloading.compareAndSet(mine, null);
            }
        });
        return mine;
    }

    private Snapshot load() {
        Instant at = clock.instant();
        List<Tenant> all = tenants.findAll().stream().map(TenantRow::toTenant).toList();
        return new Snapshot(all.stream().collect(Collectors.toUnmodifiableMap(Tenant::issuer, Function.identity())),
                all.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity())), at);
    }

    private record Snapshot(Map<String, Tenant> byIssuer, Map<Long, Tenant> byId, Instant loadedAt) {
    }
}
