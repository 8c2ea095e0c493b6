package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.RecordFreshness;
import jp.ceptoarhub.records.FieldChanges;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The crisis contact list of a member operator. Every query is scoped by the caller's tenant (from the verified
 * token) and the member in the path; a member or contact of another tenant, or (for operator users) of another
 * organisation, is simply not found. National users have no access. Every write appends a contact_change entry and
 * an audit entry in the same transaction.
 */
@Singleton
class ContactService {
    private final ContactRepository contacts;
    private final ContactChangeRepository changes;
    private final ContactConfirmations confirmations;
    private final ContactRules rules;
    private final MemberService members;
    private final AuditService audit;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;

    ContactService(ContactRepository contacts, ContactChangeRepository changes, ContactConfirmations confirmations,
                   ContactRules rules, MemberService members, AuditService audit, JsonMapper json,
                   TransactionOperations<Connection> tx) {
        this.contacts = contacts;
        this.changes = changes;
        this.confirmations = confirmations;
        this.rules = rules;
        this.members = members;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    ContactRules rules() {
        return rules;
    }

    /**
     * 403 for national users; 404 unless the member exists in the caller's tenant and the caller is its secretariat
     * or one of its own users. Both operator roles may edit their own organisation's contacts.
     */
    void requireMember(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, "Contact lists");
    }

    /** As {@link #requireMember}, and 403 for operator staff where the tenant made this record type read-only. */
    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordFreshness.RecordType.CONTACTS);
    }

    Contact visible(CurrentUser user, long memberId, long id) {
        Contact c = anyState(user, memberId, id);
        if (c.deleted()) {
            throw Problems.notFound("Contact " + id);
        }
        return c;
    }

    private Contact anyState(CurrentUser user, long memberId, long id) {
        requireMember(user, memberId);
        return contacts.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, id)
                .orElseThrow(() -> Problems.notFound("Contact " + id));
    }

    List<Contact> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireMember(user, memberId);
        return contacts.page(user.tenantId(), memberId, afterId, since, limit);
    }

    Contact create(CurrentUser user, long memberId, ContactCommands.ContactInput input) {
        requireWrite(user, memberId);
        ContactData d = rules.valid(input);
        Instant now = now();
        return tx.executeWrite(status -> {
            Contact saved = contacts.save(new Contact(null, user.tenantId(), memberId, d.nameJa(), d.nameKana(),
                    d.nameEn(), d.role(), d.department(), d.functionsJson(), d.channelsJson(), d.availability(),
                    d.availabilityHours(), d.notes(), now, now, null, null));
            history(user, saved, now, "CREATED", null, snapshot(d));
            audit.record(user, "contact.created", "contact", saved.id(), describe(saved));
            return saved;
        });
    }

    Contact update(CurrentUser user, long memberId, long id, ContactCommands.ContactInput input,
                   Consumer<Contact> precondition) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            Contact current = visible(user, memberId, id);
            precondition.accept(current);
            ContactData d = rules.valid(input.over(rules.asInput(current.data())));
            FieldChanges edit = FieldChanges.between(snapshot(current.data()), snapshot(d), rules::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version (use POST /confirm to re-confirm)
            }
            Instant now = now();
            Contact saved = contacts.update(current.with(d, now));
            history(user, saved, now, "UPDATED", edit.before(), edit.after());
            audit.record(user, "contact.updated", "contact", id, "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    void delete(CurrentUser user, long memberId, long id, Consumer<Contact> precondition) {
        requireWrite(user, memberId);
        tx.executeWrite(status -> {
            Contact current = visible(user, memberId, id);
            precondition.accept(current);
            Instant now = now();
            Contact saved = contacts.update(current.delete(now));
            history(user, saved, now, "DELETED", snapshot(current.data()), null);
            audit.record(user, "contact.deleted", "contact", id, describe(current));
            return saved;
        });
    }

    List<ContactChange> history(CurrentUser user, long memberId, long id, long afterId, int limit) {
        Contact c = anyState(user, memberId, id); // history of a deleted contact stays readable
        return changes.page(user.tenantId(), c.id(), afterId, limit);
    }

    /** "Confirm unchanged": the whole list is still correct; refreshes freshness without a new version of any contact. */
    ContactView.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            List<Contact> live = contacts.liveForUpdate(user.tenantId(), memberId);
            if (live.isEmpty()) {
                throw Problems.conflict("contacts-empty",
                        "The member has no contacts to confirm; add at least a primary and a deputy first");
            }
            Instant now = now();
            confirmations.confirm(user.tenantId(), memberId, now, user.username(), user.subject());
            for (Contact c : live) {
                history(user, c, now, "CONFIRMED", null, null);
            }
            audit.record(user, "contact.list-confirmed", "member", memberId, "contacts=" + live.size());
            return new ContactView.Confirmation(memberId, now, user.username(), live.size());
        });
    }

    ContactCoverage coverage(CurrentUser user, long memberId, Labels lang) {
        requireMember(user, memberId);
        List<Contact> live = contacts.live(user.tenantId(), memberId);
        Instant lastChanged = contacts.page(user.tenantId(), memberId, 0, Instant.EPOCH, Integer.MAX_VALUE).stream()
                .map(Contact::updatedAt).max(Instant::compareTo).orElse(null);
        return ContactCoverage.of(memberId, live, rules, lang, lastChanged,
                confirmations.lastConfirmed(user.tenantId(), memberId).orElse(null));
    }

    JsonNode parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void history(CurrentUser user, Contact c, Instant at, String type, @Nullable Map<String, JsonNode> before,
                         @Nullable Map<String, JsonNode> after) {
        int seq = changes.lastSeq(user.tenantId(), c.id()) + 1;
        changes.save(new ContactChange(null, user.tenantId(), c.id(), c.memberOperatorId(), seq, at, user.subject(),
                user.username(), type, before == null ? null : rules.write(JsonNode.createObjectNode(before)),
                after == null ? null : rules.write(JsonNode.createObjectNode(after))));
    }

    /** The editable fields as JSON values, the unit of "what changed" in the history. */
    private Map<String, JsonNode> snapshot(ContactData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("nameJa", FieldChanges.text(d.nameJa()));
        m.put("nameKana", FieldChanges.text(d.nameKana()));
        m.put("nameEn", FieldChanges.text(d.nameEn()));
        m.put("role", FieldChanges.text(d.role()));
        m.put("department", FieldChanges.text(d.department()));
        m.put("functions", parse(d.functionsJson()));
        m.put("channels", parse(d.channelsJson()));
        m.put("availability", FieldChanges.text(d.availability()));
        m.put("availabilityHours", FieldChanges.text(d.availabilityHours()));
        m.put("notes", FieldChanges.text(d.notes()));
        return m;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(Contact c) {
        return "memberId=" + c.memberOperatorId() + " nameJa=" + c.nameJa() + " role=" + c.orgRole();
    }
}
