package jp.ceptoarhub.contacts;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/** A member's live contacts in the export of its record set, as GET shows them. */
@Singleton
class ContactsExport implements RecordExport {
    private final ContactRepository contacts;
    private final ContactRules rules;

    ContactsExport(ContactRepository contacts, ContactRules rules) {
        this.contacts = contacts;
        this.rules = rules;
    }

    @Override
    public RecordType recordType() {
        return RecordType.CONTACTS;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        return contacts.live(tenantId, memberId).stream().map(c -> ContactView.of(c, rules, lang)).toList();
    }
}
