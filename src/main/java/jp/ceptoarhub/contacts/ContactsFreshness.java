package jp.ceptoarhub.contacts;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.members.RecordFreshness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Contacts on the secretariat's freshness dashboard: lastChangedAt = the latest change (deletions included),
 * lastConfirmedAt = the latest "confirm unchanged"; complete = the call tree covers POC and INCIDENT_CONTACT with a
 * primary and a deputy; a member without live contacts is absent (MISSING). Disabled when the members tests
 * substitute their own stand-in for this record type.
 */
@Singleton
@Requires(property = "members.test.fake-contacts-freshness", notEquals = "true")
class ContactsFreshness implements RecordFreshness {
    private final ContactRepository contacts;
    private final ContactConfirmations confirmations;
    private final ContactRules rules;

    ContactsFreshness(ContactRepository contacts, ContactConfirmations confirmations, ContactRules rules) {
        this.contacts = contacts;
        this.confirmations = confirmations;
        this.rules = rules;
    }

    @Override
    public String recordType() {
        return RecordType.CONTACTS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, List<Contact>> live = new HashMap<>();
        Map<Long, Instant> changed = new HashMap<>();
        for (Contact c : contacts.allOfTenant(tenantId)) {
            changed.merge(c.memberOperatorId(), c.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (!c.deleted()) {
                live.computeIfAbsent(c.memberOperatorId(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId);
        Map<Long, Observation> out = new HashMap<>();
        live.forEach((memberId, list) -> out.put(memberId, new Observation(changed.get(memberId),
                confirmed.get(memberId), ContactCoverage.of(memberId, list, rules, Labels.JA, null, null).complete())));
        return out;
    }
}
