package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.suppliers.SupplierCommands.SupplierInput;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Suppliers in the shared record lifecycle: the {@code supplier} table (V8), {@link SupplierRules}. */
@Singleton
class SupplierDescriptor implements RecordDescriptor<Supplier, SupplierInput, SupplierData> {
    private final SupplierRepository suppliers;
    private final SupplierRules rules;

    SupplierDescriptor(SupplierRepository suppliers, SupplierRules rules) {
        this.suppliers = suppliers;
        this.rules = rules;
    }

    @Override
    public RecordType type() {
        return RecordType.SUPPLIERS;
    }

    @Override
    public String entityType() {
        return "supplier";
    }

    @Override
    public String noun() {
        return "Supplier";
    }

    @Override
    public RecordStore<Supplier> store() {
        return suppliers;
    }

    @Override
    public SupplierData valid(Scope scope, SupplierInput input, @Nullable SupplierData current) {
        return rules.valid(current == null ? input : input.over(rules.asInput(current)));
    }

    @Override
    public SupplierData data(Supplier s) {
        return rules.data(s);
    }

    /** Keyed as SupplierCreate; the contract and the incident contact as nested objects. */
    @Override
    public Map<String, JsonNode> fields(SupplierData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("nameJa", FieldChanges.text(d.nameJa()));
        m.put("nameKana", FieldChanges.text(d.nameKana()));
        m.put("nameEn", FieldChanges.text(d.nameEn()));
        m.put("corporateNumber", FieldChanges.text(d.corporateNumber()));
        m.put("supplierTypes", FieldChanges.texts(d.supplierTypes()));
        m.put("servicesSupplied", FieldChanges.texts(d.servicesSupplied()));
        m.put("criticalSystems", FieldChanges.texts(d.criticalSystems()));
        m.put("criticality", FieldChanges.text(d.criticality()));
        Map<String, JsonNode> contract = new LinkedHashMap<>();
        contract.put("clauses", FieldChanges.texts(d.contractClauses()));
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

    @Override
    public Supplier insert(long tenantId, long memberId, SupplierData d, Instant now) {
        return suppliers.save(Supplier.created(tenantId, memberId, d, rules, now));
    }

    @Override
    public Supplier update(Supplier current, SupplierData d, Instant now) {
        return suppliers.update(current.with(d, rules, now));
    }

    @Override
    public Supplier tombstone(Supplier current, Instant now) {
        return suppliers.update(current.delete(now));
    }

    @Override
    public String describe(Supplier s) {
        return "memberId=" + s.memberOperatorId() + " supplierTypes=" + s.supplierTypes()
                + (s.corporateNumber() == null ? "" : " corporateNumber=" + s.corporateNumber());
    }
}
