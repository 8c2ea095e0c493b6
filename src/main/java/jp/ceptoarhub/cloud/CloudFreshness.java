package jp.ceptoarhub.cloud;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cloud services on the secretariat's freshness dashboard ({@link RecordLifecycle#observe}). Complete =
 * every live service has (1) at least one service model, (2) its data location: at least one data-centre country
 * (or, when the country cannot be identified, the candidate countries), (3) the 設問55 checks answered (at least one
 * entry), (4) the 設問56 measures answered (at least one entry) and (5) the provider's incident contact (an
 * incidentContacts entry of kind PROVIDER).
 */
@Singleton
class CloudFreshness implements RecordFreshness {
    private final RecordLifecycle<CloudService, Map<String, JsonNode>, Map<String, JsonNode>> services;

    CloudFreshness(RecordLifecycles lifecycles, CloudDescriptor descriptor) {
        this.services = lifecycles.of(descriptor);
    }

    @Override
    public String recordType() {
        return RecordType.CLOUD_SERVICES.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        return services.observe(tenantId, live -> live.stream().allMatch(s -> missing(s.data()).isEmpty()));
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
