package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordDescriptor;
import jp.ceptoarhub.records.RecordStore;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.services.ServiceCommands.ServiceInput;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Critical services in the shared record lifecycle: the {@code critical_service} table (V9), validated against the
 * member's sector's 別紙2 templates ({@link ServiceRules}). "Confirm unchanged" confirms the member's systems with
 * them: one confirmation for the area (audit action {@code critical-services.confirmed}).
 */
@Singleton
class CriticalServiceDescriptor implements RecordDescriptor<CriticalService, ServiceInput, ServiceData> {
    private final CriticalServiceRepository services;
    private final ServiceRules rules;
    private final MemberService members;
    private final SystemDescriptor systems;

    CriticalServiceDescriptor(CriticalServiceRepository services, ServiceRules rules, MemberService members,
                              SystemDescriptor systems) {
        this.services = services;
        this.rules = rules;
        this.members = members;
        this.systems = systems;
    }

    @Override
    public RecordType type() {
        return RecordType.CRITICAL_SERVICES;
    }

    @Override
    public String entityType() {
        return "critical-service";
    }

    @Override
    public String noun() {
        return "Critical service";
    }

    @Override
    public RecordStore<CriticalService> store() {
        return services;
    }

    /** A template must be one of the member's sector; an update keeps the template the service was created from. */
    @Override
    public ServiceData valid(Scope scope, ServiceInput input, @Nullable ServiceData current) {
        String sector = members.find(scope.tenantId(), scope.memberId())
                .orElseThrow(() -> Problems.notFound("Member " + scope.memberId())).sectorCode();
        return current == null ? rules.valid(input, sector, null)
                : rules.valid(input.over(rules.asInput(current)), sector, current.templateId());
    }

    @Override
    public ServiceData data(CriticalService s) {
        return s.data();
    }

    @Override
    public Map<String, JsonNode> fields(ServiceData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("templateId", FieldChanges.text(d.templateId()));
        m.put("name", FieldChanges.text(d.name()));
        m.put("description", FieldChanges.text(d.description()));
        m.put("rtoMinutes", FieldChanges.number(d.rtoMinutes()));
        m.put("rpoMinutes", FieldChanges.number(d.rpoMinutes()));
        m.put("ownMaintenanceLevel", FieldChanges.text(d.ownMaintenanceLevel()));
        m.put("maintenanceLevelNotes", FieldChanges.text(d.maintenanceLevelNotes()));
        m.put("dependencyNotes", FieldChanges.text(d.dependencyNotes()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        return m;
    }

    @Override
    public CriticalService insert(long tenantId, long memberId, ServiceData d, Instant now) {
        return services.save(CriticalService.created(tenantId, memberId, d, now));
    }

    @Override
    public CriticalService update(CriticalService current, ServiceData d, Instant now) {
        return services.update(current.with(d, now));
    }

    @Override
    public CriticalService tombstone(CriticalService current, Instant now) {
        return services.update(current.delete(now));
    }

    @Override
    public String describe(CriticalService s) {
        return "memberId=" + s.memberOperatorId() + " templateId=" + s.templateId()
                + (s.name() == null ? "" : " name=" + s.name());
    }

    @Override
    public List<RecordDescriptor<?, ?, ?>> confirmedWith() {
        return List.of(systems);
    }

    @Override
    public String confirmAction() {
        return "critical-services.confirmed";
    }
}
