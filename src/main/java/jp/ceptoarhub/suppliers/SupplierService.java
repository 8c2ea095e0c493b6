package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLinks;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The suppliers (supply chain) of a member operator. Every query is scoped by the caller's tenant (from the verified
 * token) and the member in the path; a member or supplier of another tenant, or (for operator users) of another
 * organisation, is simply not found. National users have no access. Every write passes
 * {@link MemberService#requireRecordWrite} (the tenant's operator-staff read-only policy) and appends a
 * record_change entry (record type {@code suppliers}) and an audit entry in the same transaction.
 */
@Singleton
class SupplierService {
    static final String RECORD_TYPE = RecordType.SUPPLIERS.code();

    private final SupplierRepository suppliers;
    private final SupplierConfirmations confirmations;
    private final SupplierRules rules;
    private final MemberService members;
    private final AuditService audit;
    private final RecordHistory history;
    private final Collection<RecordLinks.Source> linkSources;
    private final TransactionOperations<Connection> tx;

    SupplierService(SupplierRepository suppliers, SupplierConfirmations confirmations, SupplierRules rules,
                    MemberService members, AuditService audit, RecordHistory history,
                    Collection<RecordLinks.Source> linkSources, TransactionOperations<Connection> tx) {
        this.suppliers = suppliers;
        this.confirmations = confirmations;
        this.rules = rules;
        this.members = members;
        this.audit = audit;
        this.history = history;
        this.linkSources = linkSources;
        this.tx = tx;
    }

    /** Reads: 403 for national users; 404 unless the member is in the caller's tenant and is theirs (or secretariat). */
    void requireMember(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, "Suppliers");
    }

    /** Writes: as {@link #requireMember}, and 403 where the tenant made suppliers read-only for operator staff. */
    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordType.SUPPLIERS);
    }

    Supplier visible(CurrentUser user, long memberId, long id) {
        Supplier s = anyState(user, memberId, id);
        if (s.deleted()) {
            throw Problems.notFound("Supplier " + id);
        }
        return s;
    }

    private Supplier anyState(CurrentUser user, long memberId, long id) {
        requireMember(user, memberId);
        return find(user, memberId, id);
    }

    private Supplier find(CurrentUser user, long memberId, long id) {
        return suppliers.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, id)
                .orElseThrow(() -> Problems.notFound("Supplier " + id));
    }

    List<Supplier> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireMember(user, memberId);
        return suppliers.page(user.tenantId(), memberId, afterId, since, limit);
    }

    Supplier create(CurrentUser user, long memberId, SupplierCommands.SupplierInput input) {
        requireWrite(user, memberId);
        SupplierData d = rules.valid(input);
        Instant now = now();
        return tx.executeWrite(status -> {
            Supplier saved = suppliers.save(Supplier.created(user.tenantId(), memberId, d, rules, now));
            history.created(actor(user), RECORD_TYPE, saved.id(), memberId, now, snapshot(d));
            audit.record(user, "supplier.created", "supplier", saved.id(), describe(saved));
            return saved;
        });
    }

    Supplier update(CurrentUser user, long memberId, long id, SupplierCommands.SupplierInput input,
                    Consumer<Supplier> precondition) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            Supplier current = live(user, memberId, id);
            precondition.accept(current);
            SupplierData before = rules.data(current);
            SupplierData d = rules.valid(input.over(rules.asInput(before)));
            FieldChanges edit = FieldChanges.between(snapshot(before), snapshot(d), rules::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version (use POST /confirm to re-confirm)
            }
            Instant now = now();
            Supplier saved = suppliers.update(current.with(d, rules, now));
            history.updated(actor(user), RECORD_TYPE, id, memberId, now, edit);
            audit.record(user, "supplier.updated", "supplier", id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    /**
     * Deletes (tombstones) the supplier unless a live record of another type links to it: every
     * {@link RecordLinks.Source} is asked, and the links found are listed in a 409 (as violations, field = the
     * linking record type, message = the linking record).
     */
    void delete(CurrentUser user, long memberId, long id, Consumer<Supplier> precondition) {
        requireWrite(user, memberId);
        tx.executeWrite(status -> {
            Supplier current = suppliers.findForUpdate(user.tenantId(), memberId, id)
                    .filter(sp -> !sp.deleted()).orElseThrow(() -> Problems.notFound("Supplier " + id));
            precondition.accept(current);
            List<FieldError> links = new ArrayList<>();
            for (RecordLinks.Source source : linkSources) {
                for (String description : source.linksTo(RECORD_TYPE, user.tenantId(), memberId, id)) {
                    links.add(new FieldError(source.recordType(), description));
                }
            }
            if (!links.isEmpty()) {
                throw Problems.withViolations(HttpStatus.CONFLICT, "supplier-linked", "Conflict",
                        "Supplier " + id + " is linked from " + links.size() + " record(s): "
                                + String.join("; ", links.stream().map(l -> l.field() + ": " + l.message()).toList())
                                + "; unlink them first", links, null);
            }
            Instant now = now();
            Supplier saved = suppliers.update(current.delete(now));
            history.deleted(actor(user), RECORD_TYPE, id, memberId, now, snapshot(rules.data(current)));
            audit.record(user, "supplier.deleted", "supplier", id, describe(current));
            return saved;
        });
    }

    RecordHistory.Page history(CurrentUser user, long memberId, long id, @Nullable String cursor, int limit) {
        Supplier s = anyState(user, memberId, id); // history of a deleted supplier stays readable
        return history.page(user.tenantId(), RECORD_TYPE, s.id(), cursor, limit);
    }

    /** "Confirm unchanged": every supplier is still correct; refreshes freshness without a new version of any. */
    SupplierView.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            List<Supplier> live = suppliers.liveForUpdate(user.tenantId(), memberId);
            if (live.isEmpty()) {
                throw Problems.conflict("suppliers-empty",
                        "The member has no suppliers to confirm; record its tier-1 suppliers and contractors first");
            }
            Instant now = now();
            confirmations.confirm(user.tenantId(), memberId, now, user.username(), user.subject());
            for (Supplier s : live) {
                history.confirmed(actor(user), RECORD_TYPE, s.id(), memberId, now);
            }
            audit.record(user, "supplier.list-confirmed", "member", memberId, "suppliers=" + live.size());
            return new SupplierView.Confirmation(memberId, now, user.username(), live.size());
        });
    }

    /** The member's live suppliers (export); the caller has checked access. */
    List<Supplier> liveOf(long tenantId, long memberId) {
        return suppliers.live(tenantId, memberId);
    }

    private Supplier live(CurrentUser user, long memberId, long id) {
        Supplier s = find(user, memberId, id);
        if (s.deleted()) {
            throw Problems.notFound("Supplier " + id);
        }
        return s;
    }

    /** The editable fields as JSON values (keys of SupplierCreate), the unit of "what changed" in the history. */
    static Map<String, JsonNode> snapshot(SupplierData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("nameJa", FieldChanges.text(d.nameJa()));
        m.put("nameKana", FieldChanges.text(d.nameKana()));
        m.put("nameEn", FieldChanges.text(d.nameEn()));
        m.put("corporateNumber", FieldChanges.text(d.corporateNumber()));
        m.put("supplierTypes", texts(d.supplierTypes()));
        m.put("servicesSupplied", texts(d.servicesSupplied()));
        m.put("criticalSystems", texts(d.criticalSystems()));
        m.put("criticality", FieldChanges.text(d.criticality()));
        Map<String, JsonNode> contract = new LinkedHashMap<>();
        contract.put("clauses", texts(d.contractClauses()));
        contract.put("reviewedOn", FieldChanges.date(d.contractReviewedOn()));
        m.put("contractSecurity", JsonNode.createObjectNode(contract));
        SupplierData.IncidentContact c = d.incidentContact();
        if (c == null) {
            m.put("incidentContact", JsonNode.nullNode());
        } else {
            Map<String, JsonNode> contact = new LinkedHashMap<>();
            contact.put("name", FieldChanges.text(c.name()));
            contact.put("phone", FieldChanges.text(c.phone()));
            contact.put("email", FieldChanges.text(c.email()));
            contact.put("afterHours", c.afterHours() == null ? JsonNode.nullNode()
                    : JsonNode.createBooleanNode(c.afterHours()));
            m.put("incidentContact", JsonNode.createObjectNode(contact));
        }
        m.put("country", FieldChanges.text(d.country()));
        m.put("resubcontracting", FieldChanges.text(d.resubcontracting()));
        m.put("resubcontractingNotes", FieldChanges.text(d.resubcontractingNotes()));
        m.put("notes", FieldChanges.text(d.notes()));
        return m;
    }

    private static JsonNode texts(List<String> values) {
        return JsonNode.createArrayNode(values.stream().map(JsonNode::createStringNode).toList());
    }

    private static Actor actor(CurrentUser user) {
        return user.actor();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(Supplier s) {
        return "memberId=" + s.memberOperatorId() + " supplierTypes=" + s.supplierTypes()
                + (s.corporateNumber() == null ? "" : " corporateNumber=" + s.corporateNumber());
    }
}
