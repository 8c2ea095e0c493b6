package jp.ceptoarhub.contacts;

import jakarta.inject.Singleton;
import jp.ceptoarhub.contacts.ContactCommands.ContactInput;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordLifecycles;
import jp.ceptoarhub.records.RecordType;

import java.util.Map;

/**
 * Contacts on the secretariat's freshness dashboard ({@link RecordLifecycle#observe}): complete = the call tree
 * covers POC and INCIDENT_CONTACT with a primary and a deputy ({@link ContactCoverage}).
 */
@Singleton
class ContactsFreshness implements RecordFreshness {
    private final RecordLifecycle<Contact, ContactInput, ContactData> contacts;
    private final ContactRules rules;

    ContactsFreshness(RecordLifecycles lifecycles, ContactDescriptor descriptor, ContactRules rules) {
        this.contacts = lifecycles.of(descriptor);
        this.rules = rules;
    }

    @Override
    public String recordType() {
        return RecordType.CONTACTS.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        return contacts.observe(tenantId, live -> ContactCoverage.complete(live, rules));
    }
}
