package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordHistory;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The critical services of a member operator, and the area's "confirm unchanged". Every query is scoped by the
 * caller's tenant (from the verified token) and the member in the path; a member or service of another tenant, or
 * (for operator users) of another organisation, is simply not found; national users get 403. Reads need
 * {@link MemberService#requireRecordAccess}, every write {@link MemberService#requireRecordWrite} (the tenant may
 * make the record type read-only for operator staff). Every write appends a history entry (shared record_change,
 * record type {@value #HISTORY_TYPE}) and an audit entry in the same transaction.
 */
@Singleton
class CriticalServiceService {
    static final String HISTORY_TYPE = "critical-services";
    static final String WHAT = "Critical services and systems";

    private final CriticalServiceRepository services;
    private final BusinessSystemRepository systems;
    private final SystemLinkRepository links;
    private final ServiceRules rules;
    private final ServiceTemplates templates;
    private final CriticalServiceConfirmations confirmations;
    private final MemberService members;
    private final AuditService audit;
    private final RecordHistory history;
    private final TransactionOperations<Connection> tx;

    CriticalServiceService(CriticalServiceRepository services, BusinessSystemRepository systems,
                           SystemLinkRepository links, ServiceRules rules, ServiceTemplates templates,
                           CriticalServiceConfirmations confirmations, MemberService members, AuditService audit,
                           RecordHistory history, TransactionOperations<Connection> tx) {
        this.services = services;
        this.systems = systems;
        this.links = links;
        this.rules = rules;
        this.templates = templates;
        this.confirmations = confirmations;
        this.members = members;
        this.audit = audit;
        this.history = history;
        this.tx = tx;
    }

    /** 403 for national users; 404 unless the member is in the caller's tenant and is the caller's own (or secretariat). */
    void requireRead(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, WHAT);
    }

    /** As {@link #requireRead}, and 403 for operator staff where the tenant made the record type read-only. */
    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordType.CRITICAL_SERVICES);
    }

    ServiceTemplates templates() {
        return templates;
    }

    CriticalService visible(CurrentUser user, long memberId, long id) {
        requireRead(user, memberId);
        CriticalService s = find(user, memberId, id);
        if (s.deleted()) {
            throw Problems.notFound("Critical service " + id);
        }
        return s;
    }

    private CriticalService find(CurrentUser user, long memberId, long id) {
        return services.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, id)
                .orElseThrow(() -> Problems.notFound("Critical service " + id));
    }

    List<CriticalService> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireRead(user, memberId);
        return services.page(user.tenantId(), memberId, afterId, since, limit);
    }

    CriticalService create(CurrentUser user, long memberId, ServiceCommands.ServiceInput input) {
        requireWrite(user, memberId);
        ServiceData d = rules.valid(input, sector(user, memberId), null);
        Instant now = now();
        return tx.executeWrite(status -> {
            CriticalService saved = services.save(CriticalService.created(user.tenantId(), memberId, d, now));
            history.created(actor(user), HISTORY_TYPE, saved.id(), memberId, now, snapshot(d));
            audit.record(user, "critical-service.created", "critical-service", saved.id(), describe(saved));
            return saved;
        });
    }

    CriticalService update(CurrentUser user, long memberId, long id, ServiceCommands.ServiceInput input,
                           Consumer<CriticalService> precondition) {
        requireWrite(user, memberId);
        String sector = sector(user, memberId);
        return tx.executeWrite(status -> {
            CriticalService current = visible(user, memberId, id);
            precondition.accept(current);
            ServiceData d = rules.valid(input.over(rules.asInput(current.data())), sector, current.templateId());
            FieldChanges edit = FieldChanges.between(snapshot(current.data()), snapshot(d), history::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version (POST /confirm re-confirms)
            }
            Instant now = now();
            CriticalService saved = services.update(current.with(d, now));
            history.updated(actor(user), HISTORY_TYPE, id, memberId, now, edit);
            audit.record(user, "critical-service.updated", "critical-service", id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    /** Tombstones the service; 409 {@code critical-service-linked} while a live system supports it. */
    void delete(CurrentUser user, long memberId, long id, Consumer<CriticalService> precondition) {
        requireWrite(user, memberId);
        tx.executeWrite(status -> {
            CriticalService current = services.lock(user.tenantId(), memberId, id)
                    .filter(s -> !s.deleted())
                    .orElseThrow(() -> Problems.notFound("Critical service " + id));
            precondition.accept(current);
            List<SystemLinkRepository.LinkingSystem> linking = links.systemsLinkingService(user.tenantId(), memberId,
                    id);
            if (!linking.isEmpty()) {
                throw Problems.conflict("critical-service-linked", "Live systems support this critical service; "
                        + "remove it from their serviceIds or delete them first: " + linking.stream()
                        .map(SystemLinkRepository.LinkingSystem::describe).collect(Collectors.joining(", ")));
            }
            Instant now = now();
            CriticalService saved = services.update(current.delete(now));
            history.deleted(actor(user), HISTORY_TYPE, id, memberId, now, snapshot(current.data()));
            audit.record(user, "critical-service.deleted", "critical-service", id, describe(current));
            return saved;
        });
    }

    /** The history of a service; stays readable after deletion. */
    RecordHistory.Page history(CurrentUser user, long memberId, long id, @Nullable String cursor, int limit) {
        requireRead(user, memberId);
        CriticalService s = find(user, memberId, id);
        return history.page(user.tenantId(), HISTORY_TYPE, s.id(), cursor, limit);
    }

    /**
     * "Confirm unchanged" for the whole area: every critical service and system is still correct. Refreshes the
     * freshness of {@code critical-services} without a new version of anything; adds a CONFIRMED entry to every
     * live service's and system's history. 409 {@code critical-services-empty} without a live service.
     */
    CriticalServiceView.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            List<CriticalService> liveServices = services.liveForUpdate(user.tenantId(), memberId);
            if (liveServices.isEmpty()) {
                throw Problems.conflict("critical-services-empty", "The member has no critical services to confirm; "
                        + "record its critical services first");
            }
            List<BusinessSystem> liveSystems = systems.liveForUpdate(user.tenantId(), memberId);
            Instant now = now();
            confirmations.confirm(user.tenantId(), memberId, now, user.username(), user.subject());
            Actor actor = actor(user);
            for (CriticalService s : liveServices) {
                history.confirmed(actor, HISTORY_TYPE, s.id(), memberId, now);
            }
            for (BusinessSystem s : liveSystems) {
                history.confirmed(actor, BusinessSystemService.HISTORY_TYPE, s.id(), memberId, now);
            }
            audit.record(user, "critical-services.confirmed", "member", memberId,
                    "services=" + liveServices.size() + " systems=" + liveSystems.size());
            return new CriticalServiceView.Confirmation(memberId, now, user.username(), liveServices.size(),
                    liveSystems.size());
        });
    }

    private String sector(CurrentUser user, long memberId) {
        return members.find(user.tenantId(), memberId).orElseThrow(() -> Problems.notFound("Member " + memberId))
                .sectorCode();
    }

    static Actor actor(CurrentUser user) {
        return user.actor();
    }

    /** The editable fields as JSON values, the unit of "what changed" in the history. */
    static Map<String, JsonNode> snapshot(ServiceData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("templateId", FieldChanges.text(d.templateId()));
        m.put("name", FieldChanges.text(d.name()));
        m.put("description", FieldChanges.text(d.description()));
        m.put("rtoMinutes", FieldChanges.number(d.rtoMinutes() == null ? null : d.rtoMinutes().longValue()));
        m.put("rpoMinutes", FieldChanges.number(d.rpoMinutes() == null ? null : d.rpoMinutes().longValue()));
        m.put("ownMaintenanceLevel", FieldChanges.text(d.ownMaintenanceLevel()));
        m.put("maintenanceLevelNotes", FieldChanges.text(d.maintenanceLevelNotes()));
        m.put("dependencyNotes", FieldChanges.text(d.dependencyNotes()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        return m;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(CriticalService s) {
        return "memberId=" + s.memberOperatorId() + " templateId=" + s.templateId()
                + (s.name() == null ? "" : " name=" + s.name());
    }
}
