package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.contacts.ContactCommands.ContactInput;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contacts in the shared record lifecycle: the {@code contact} table (V5), {@link ContactRules}. The smallest
 * complete record type, and the one to read first: entity, commands, rules, view, repository, this descriptor and
 * a thin controller.
 */
@Singleton
class ContactDescriptor implements RecordDescriptor<Contact, ContactInput, ContactData> {
    private final ContactRepository contacts;
    private final ContactRules rules;

    ContactDescriptor(ContactRepository contacts, ContactRules rules) {
        this.contacts = contacts;
        this.rules = rules;
    }

    @Override
    public RecordType type() {
        return RecordType.CONTACTS;
    }

    @Override
    public String entityType() {
        return "contact";
    }

    @Override
    public String noun() {
        return "Contact";
    }

    @Override
    public RecordStore<Contact> store() {
        return contacts;
    }

    @Override
    public ContactData valid(Scope scope, ContactInput input, @Nullable ContactData current) {
        return rules.valid(current == null ? input : input.over(rules.asInput(current)));
    }

    @Override
    public ContactData data(Contact c) {
        return c.data();
    }

    /** Keyed as ContactCreate; functions and channels as the arrays stored. */
    @Override
    public Map<String, JsonNode> fields(ContactData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("nameJa", FieldChanges.text(d.nameJa()));
        m.put("nameKana", FieldChanges.text(d.nameKana()));
        m.put("nameEn", FieldChanges.text(d.nameEn()));
        m.put("role", FieldChanges.text(d.role()));
        m.put("department", FieldChanges.text(d.department()));
        m.put("functions", rules.read(d.functionsJson(), Argument.of(JsonNode.class)));
        m.put("channels", rules.read(d.channelsJson(), Argument.of(JsonNode.class)));
        m.put("availability", FieldChanges.text(d.availability()));
        m.put("availabilityHours", FieldChanges.text(d.availabilityHours()));
        m.put("notes", FieldChanges.text(d.notes()));
        return m;
    }

    @Override
    public Contact insert(long tenantId, long memberId, ContactData d, Instant now) {
        return contacts.save(Contact.created(tenantId, memberId, d, now));
    }

    @Override
    public Contact update(Contact current, ContactData d, Instant now) {
        return contacts.update(current.with(d, now));
    }

    @Override
    public Contact tombstone(Contact current, Instant now) {
        return contacts.update(current.delete(now));
    }

    @Override
    public String describe(Contact c) {
        return "memberId=" + c.memberOperatorId() + " nameJa=" + c.nameJa() + " role=" + c.orgRole();
    }
}
