package jp.ceptoarhub.tenancy;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.TenantKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which token issuers the service trusts. Backed by the tenant table and cached for a few seconds, so a tenant
 * created at runtime is trusted on its first request and a suspended tenant is refused on every replica within
 * the cache TTL (immediately on the replica that suspended it).
 */
@Singleton
public class TenantDirectory {
    private final TenantRepository tenants;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> byIssuer = new ConcurrentHashMap<>();

    TenantDirectory(TenantRepository tenants, @Value("${ceptoar.tenancy.issuer-cache-ttl:5s}") Duration ttl) {
        this.tenants = tenants;
        this.ttl = ttl;
        this.clock = Clock.systemUTC();
    }

    /** The active tenant whose realm issues tokens with this {@code iss}; empty if unknown or suspended. */
    public Optional<Tenant> findActiveByIssuer(String issuer) {
        Instant now = clock.instant();
        Cached cached = byIssuer.get(issuer);
        if (cached == null || cached.loadedAt.plus(ttl).isBefore(now)) {
            cached = new Cached(tenants.findByIssuer(issuer).map(TenantRow::toTenant), now);
            byIssuer.put(issuer, cached);
        }
        return cached.tenant.filter(Tenant::active);
    }

    public Optional<Tenant> findById(long id) {
        return tenants.findById(id).map(TenantRow::toTenant);
    }

    public Optional<Tenant> findByCode(String code) {
        return tenants.findByCode(code).map(TenantRow::toTenant);
    }

    public List<Tenant> ceptoarTenants() {
        return tenants.findByKind(TenantKind.CEPTOAR).stream().map(TenantRow::toTenant).toList();
    }

    void evict(String issuer) {
        byIssuer.remove(issuer);
    }

    private record Cached(Optional<Tenant> tenant, Instant loadedAt) {
    }
}
