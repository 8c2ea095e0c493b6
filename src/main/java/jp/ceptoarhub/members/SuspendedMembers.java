package jp.ceptoarhub.members;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.ceptoarhub.identity.OrganisationStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which member operators are suspended, for the token check: their operator users are refused until the member is
 * reinstated (their records are kept). Held per tenant and reloaded after {@code ceptoar.tenancy.issuer-cache-ttl},
 * as suspended tenants are; the replica that suspends or reinstates a member forgets its copy at once. One small
 * query per tenant and TTL, instead of one per request.
 */
@Singleton
class SuspendedMembers implements OrganisationStatus {
    private final MemberOperatorRepository members;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Loaded> byTenant = new ConcurrentHashMap<>();

    SuspendedMembers(MemberOperatorRepository members,
                     @Value("${ceptoar.tenancy.issuer-cache-ttl:5s}") Duration ttl, Clock clock) {
        this.members = members;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean suspended(long tenantId, long memberOperatorId) {
        Instant now = clock.instant();
        Loaded loaded = byTenant.get(tenantId);
        if (loaded == null || loaded.at().plus(ttl).isBefore(now)) {
            loaded = new Loaded(Set.copyOf(members.findSuspendedIds(tenantId)), now);
            byTenant.put(tenantId, loaded);
        }
        return loaded.ids().contains(memberOperatorId);
    }

    void forget(long tenantId) {
        byTenant.remove(tenantId);
    }

    private record Loaded(Set<Long> ids, Instant at) {
    }
}
