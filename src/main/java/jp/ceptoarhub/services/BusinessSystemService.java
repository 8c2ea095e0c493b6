package jp.ceptoarhub.services;

import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.records.RecordLinks;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The business systems of a member operator (IT, control systems / OT, IoT) with the member's critical services
 * they support and the suppliers that support them. Scoping, access and audit as {@link CriticalServiceService};
 * history in record_change under {@value #HISTORY_TYPE}. Linked services must be live services of the same member
 * (else 400 naming {@code serviceIds[i]}); linked suppliers are checked through the {@link RecordLinks.Target}
 * bean of record type {@code suppliers} (without one, no supplier id is known: 400 naming {@code supplierIds[i]}).
 * Only the lists sent are checked, so an update that does not send {@code supplierIds} keeps them as they are.
 */
@Singleton
class BusinessSystemService {
    static final String HISTORY_TYPE = "business-systems";
    static final String SUPPLIERS = "suppliers";

    private final BusinessSystemRepository systems;
    private final SystemLinkRepository links;
    private final ServiceRules rules;
    private final CriticalServiceService services;
    private final AuditService audit;
    private final RecordHistory history;
    private final BeanContext beans;
    private final TransactionOperations<Connection> tx;

    BusinessSystemService(BusinessSystemRepository systems, SystemLinkRepository links, ServiceRules rules,
                          CriticalServiceService services, AuditService audit, RecordHistory history,
                          BeanContext beans, TransactionOperations<Connection> tx) {
        this.systems = systems;
        this.links = links;
        this.rules = rules;
        this.services = services;
        this.audit = audit;
        this.history = history;
        this.beans = beans;
        this.tx = tx;
    }

    BusinessSystem visible(CurrentUser user, long memberId, long id) {
        services.requireRead(user, memberId);
        BusinessSystem s = find(user, memberId, id);
        if (s.deleted()) {
            throw Problems.notFound("System " + id);
        }
        return s;
    }

    private BusinessSystem find(CurrentUser user, long memberId, long id) {
        return systems.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, id)
                .orElseThrow(() -> Problems.notFound("System " + id));
    }

    List<BusinessSystem> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        services.requireRead(user, memberId);
        return systems.page(user.tenantId(), memberId, afterId, since, limit);
    }

    /** The views of systems of one tenant (links read in one query per link table). */
    List<BusinessSystemView> views(long tenantId, List<BusinessSystem> rows, Labels lang) {
        List<Long> live = rows.stream().filter(s -> !s.deleted()).map(BusinessSystem::id).toList();
        Map<Long, List<Long>> serviceIds = links.serviceIds(tenantId, live);
        Map<Long, List<Long>> supplierIds = links.supplierIds(tenantId, live);
        return rows.stream().map(s -> BusinessSystemView.of(s, serviceIds.getOrDefault(s.id(), List.of()),
                supplierIds.getOrDefault(s.id(), List.of()), lang)).toList();
    }

    BusinessSystemView view(long tenantId, BusinessSystem s, Labels lang) {
        return views(tenantId, List.of(s), lang).getFirst();
    }

    BusinessSystem create(CurrentUser user, long memberId, ServiceCommands.SystemInput input) {
        services.requireWrite(user, memberId);
        SystemData d = rules.valid(input);
        Instant now = CriticalServiceService.now();
        return tx.executeWrite(status -> {
            checkLinks(user, memberId, input, d);
            BusinessSystem saved = systems.save(BusinessSystem.created(user.tenantId(), memberId, d, now));
            links.replace(user.tenantId(), memberId, saved.id(), d.serviceIds(), d.supplierIds());
            history.created(CriticalServiceService.actor(user), HISTORY_TYPE, saved.id(), memberId, now, snapshot(d));
            audit.record(user, "business-system.created", "business-system", saved.id(), describe(saved, d));
            return saved;
        });
    }

    BusinessSystem update(CurrentUser user, long memberId, long id, ServiceCommands.SystemInput input,
                          Consumer<BusinessSystem> precondition) {
        services.requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            BusinessSystem current = visible(user, memberId, id);
            precondition.accept(current);
            SystemData stored = stored(user.tenantId(), current);
            SystemData d = rules.valid(input.over(rules.asInput(stored)));
            checkLinks(user, memberId, input, d);
            FieldChanges edit = FieldChanges.between(snapshot(stored), snapshot(d), history::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version
            }
            Instant now = CriticalServiceService.now();
            BusinessSystem saved = systems.update(current.with(d, now));
            links.replace(user.tenantId(), memberId, id, d.serviceIds(), d.supplierIds());
            history.updated(CriticalServiceService.actor(user), HISTORY_TYPE, id, memberId, now, edit);
            audit.record(user, "business-system.updated", "business-system", id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    void delete(CurrentUser user, long memberId, long id, Consumer<BusinessSystem> precondition) {
        services.requireWrite(user, memberId);
        tx.executeWrite(status -> {
            BusinessSystem current = visible(user, memberId, id);
            precondition.accept(current);
            SystemData stored = stored(user.tenantId(), current);
            Instant now = CriticalServiceService.now();
            BusinessSystem saved = systems.update(current.delete(now));
            links.removeAll(user.tenantId(), id);
            history.deleted(CriticalServiceService.actor(user), HISTORY_TYPE, id, memberId, now, snapshot(stored));
            audit.record(user, "business-system.deleted", "business-system", id, describe(current, stored));
            return saved;
        });
    }

    RecordHistory.Page history(CurrentUser user, long memberId, long id, @Nullable String cursor, int limit) {
        services.requireRead(user, memberId);
        BusinessSystem s = find(user, memberId, id);
        return history.page(user.tenantId(), HISTORY_TYPE, s.id(), cursor, limit);
    }

    private SystemData stored(long tenantId, BusinessSystem s) {
        List<Long> ids = List.of(s.id());
        return s.data(links.serviceIds(tenantId, ids).getOrDefault(s.id(), List.of()),
                links.supplierIds(tenantId, ids).getOrDefault(s.id(), List.of()));
    }

    /**
     * The lists the request sent must name live services of the member and live suppliers of the member; errors
     * name the position in the list as sent ({@code serviceIds[1]}). Runs inside the writing transaction (the
     * service check is a locking read, so a linked service cannot be deleted concurrently).
     */
    private void checkLinks(CurrentUser user, long memberId, ServiceCommands.SystemInput sent, SystemData d) {
        List<FieldError> errors = new ArrayList<>();
        if (sent.serviceIds() != null && !sent.serviceIds().isNull() && !d.serviceIds().isEmpty()) {
            Set<Long> live = links.lockLiveServiceIds(user.tenantId(), memberId, d.serviceIds());
            unknown(errors, "serviceIds", sent.serviceIds(), live, "is not a critical service of this member");
        }
        if (sent.supplierIds() != null && !sent.supplierIds().isNull() && !d.supplierIds().isEmpty()) {
            Set<Long> live = supplierTarget().map(t -> t.liveIds(user.tenantId(), memberId, d.supplierIds()))
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

    private java.util.Optional<RecordLinks.Target> supplierTarget() {
        Collection<RecordLinks.Target> targets = beans.getBeansOfType(RecordLinks.Target.class);
        return targets.stream().filter(t -> SUPPLIERS.equals(t.recordType())).findFirst();
    }

    /** The editable fields as JSON values, the unit of "what changed" in the history. */
    static Map<String, JsonNode> snapshot(SystemData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("name", FieldChanges.text(d.name()));
        m.put("kind", FieldChanges.text(d.kind()));
        m.put("description", FieldChanges.text(d.description()));
        m.put("criticality", FieldChanges.text(d.criticality()));
        m.put("hosting", FieldChanges.text(d.hosting()));
        m.put("serviceIds", ServiceRules.array(d.serviceIds()));
        m.put("supplierIds", ServiceRules.array(d.supplierIds()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        return m;
    }

    private static String describe(BusinessSystem s, SystemData d) {
        return "memberId=" + s.memberOperatorId() + " kind=" + s.kind() + " services=" + d.serviceIds()
                + " suppliers=" + d.supplierIds();
    }
}
