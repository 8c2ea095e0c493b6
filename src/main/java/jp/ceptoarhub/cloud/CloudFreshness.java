package jp.ceptoarhub.cloud;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloud services on the secretariat's freshness dashboard: lastChangedAt = the latest change (deletions included),
 * lastConfirmedAt = the latest "confirm unchanged". A member without live services is absent (MISSING). Complete =
 * every live service has (1) at least one service model, (2) its data location: at least one data-centre country
 * (or, when the country cannot be identified, the candidate countries), (3) the 設問55 checks answered (at least one
 * entry), (4) the 設問56 measures answered (at least one entry) and (5) the provider's incident contact (an
 * incidentContacts entry of kind PROVIDER).
 */
@Singleton
class CloudFreshness implements RecordFreshness {
    private final CloudServiceRepository services;
    private final CloudConfirmations confirmations;

    CloudFreshness(CloudServiceRepository services, CloudConfirmations confirmations) {
        this.services = services;
        this.confirmations = confirmations;
    }

    @Override
    public String recordType() {
        return RecordType.CLOUD_SERVICES.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, Instant> changed = new HashMap<>();
        Map<Long, Boolean> complete = new HashMap<>();
        for (CloudService s : services.allOfTenant(tenantId)) {
            changed.merge(s.memberOperatorId(), s.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (!s.deleted()) {
                complete.merge(s.memberOperatorId(), missing(s.data()).isEmpty(), Boolean::logicalAnd);
            }
        }
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId);
        Map<Long, Observation> out = new HashMap<>();
        complete.forEach((memberId, ok) -> out.put(memberId,
                new Observation(changed.get(memberId), confirmed.get(memberId), ok)));
        return out;
    }

    /** The fields a service lacks for the completeness rule (empty = complete), in a stable order. */
    static List<String> missing(Map<String, JsonNode> d) {
        List<String> out = new ArrayList<>();
        for (String list : List.of("serviceModels", "dataCountries", "checks", "measures")) {
            if (d.get(list) == null || d.get(list).size() == 0) {
                out.add(list);
            }
        }
        boolean providerContact = false;
        JsonNode contacts = d.get("incidentContacts");
        if (contacts != null) {
            for (JsonNode c : contacts.values()) {
                JsonNode kind = c.get("kind");
                providerContact |= kind != null && kind.isString() && "PROVIDER".equals(kind.getStringValue());
            }
        }
        if (!providerContact) {
            out.add("incidentContacts");
        }
        return out;
    }
}
