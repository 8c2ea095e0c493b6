package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.services.ServiceCommands.SystemInput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business systems in the shared record lifecycle: the {@code business_system} table and its two link tables (V9),
 * under the record type critical-services (access, policy, confirmation) with history code {@value #CODE}. Linked
 * services must be live services of the same member (else 400 naming {@code serviceIds[i]}); linked suppliers are
 * checked through the {@link RecordLinks.Target} of record type {@code suppliers} (without one, no supplier id is
 * known: 400 naming {@code supplierIds[i]}). Only the lists sent are checked, so an update that does not send
 * {@code supplierIds} keeps them as they are.
 */
@Singleton
class SystemDescriptor implements RecordDescriptor<BusinessSystem, SystemInput, SystemData> {
    static final String CODE = "business-systems";

    private final BusinessSystemRepository systems;
    private final SystemLinkRepository links;
    private final ServiceRules rules;
    private final List<RecordLinks.Target> targets;

    SystemDescriptor(BusinessSystemRepository systems, SystemLinkRepository links, ServiceRules rules,
                     List<RecordLinks.Target> targets) {
        this.systems = systems;
        this.links = links;
        this.rules = rules;
        this.targets = targets;
    }

    @Override
    public RecordType type() {
        return RecordType.CRITICAL_SERVICES;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String entityType() {
        return "business-system";
    }

    @Override
    public String noun() {
        return "System";
    }

    @Override
    public RecordStore<BusinessSystem> store() {
        return systems;
    }

    @Override
    public SystemData valid(Scope scope, SystemInput input, @Nullable SystemData current) {
        SystemData d = rules.valid(current == null ? input : input.over(rules.asInput(current)));
        checkLinks(scope, input, d);
        return d;
    }

    /** The stored fields with the system's links. */
    @Override
    public SystemData data(BusinessSystem s) {
        List<Long> ids = List.of(s.id());
        return s.data(links.serviceIds(s.tenantId(), ids).getOrDefault(s.id(), List.of()),
                links.supplierIds(s.tenantId(), ids).getOrDefault(s.id(), List.of()));
    }

    @Override
    public Map<String, JsonNode> fields(SystemData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("name", FieldChanges.text(d.name()));
        m.put("kind", FieldChanges.text(d.kind()));
        m.put("description", FieldChanges.text(d.description()));
        m.put("criticality", FieldChanges.text(d.criticality()));
        m.put("hosting", FieldChanges.text(d.hosting()));
        m.put("serviceIds", FieldChanges.ids(d.serviceIds()));
        m.put("supplierIds", FieldChanges.ids(d.supplierIds()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        return m;
    }

    @Override
    public BusinessSystem insert(long tenantId, long memberId, SystemData d, Instant now) {
        BusinessSystem saved = systems.save(BusinessSystem.created(tenantId, memberId, d, now));
        links.replace(tenantId, memberId, saved.id(), d.serviceIds(), d.supplierIds());
        return saved;
    }

    @Override
    public BusinessSystem update(BusinessSystem current, SystemData d, Instant now) {
        BusinessSystem saved = systems.update(current.with(d, now));
        links.replace(current.tenantId(), current.memberOperatorId(), current.id(), d.serviceIds(), d.supplierIds());
        return saved;
    }

    @Override
    public BusinessSystem tombstone(BusinessSystem current, Instant now) {
        BusinessSystem saved = systems.update(current.delete(now));
        links.removeAll(current.tenantId(), current.id());
        return saved;
    }

    @Override
    public String describe(BusinessSystem s) {
        SystemData d = data(s);
        return "memberId=" + s.memberOperatorId() + " kind=" + s.kind() + " services=" + d.serviceIds()
                + " suppliers=" + d.supplierIds();
    }

    /**
     * The lists the request sent must name live services and live suppliers of the member; errors name the
     * position in the list as sent ({@code serviceIds[1]}). The service check is a locking read, so a linked
     * service cannot be deleted concurrently.
     */
    private void checkLinks(Scope scope, SystemInput sent, SystemData d) {
        List<FieldError> errors = new ArrayList<>();
        if (sent.serviceIds() != null && !sent.serviceIds().isNull() && !d.serviceIds().isEmpty()) {
            Set<Long> live = links.lockLiveServiceIds(scope.tenantId(), scope.memberId(), d.serviceIds());
            unknown(errors, "serviceIds", sent.serviceIds(), live, "is not a critical service of this member");
        }
        if (sent.supplierIds() != null && !sent.supplierIds().isNull() && !d.supplierIds().isEmpty()) {
            Set<Long> live = targets.stream().filter(t -> RecordType.SUPPLIERS.code().equals(t.recordType()))
                    .findFirst().map(t -> t.liveIds(scope.tenantId(), scope.memberId(), d.supplierIds()))
                    .orElse(Set.of());
            unknown(errors, "supplierIds", sent.supplierIds(), live, "is not a supplier of this member");
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
    }

    private static void unknown(List<FieldError> errors, String field, JsonNode sent, Set<Long> live,
                                String message) {
        for (int i = 0; i < sent.size(); i++) {
            long id = sent.get(i).getNumberValue().longValue();
            if (!live.contains(id)) {
                errors.add(new FieldError(field + "[" + i + "]", message));
            }
        }
    }
}
