package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
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
 * The continuity plans of a member operator. Every query is scoped by the caller's tenant (from the verified token)
 * and the member in the path; a member or plan of another tenant, or (for operator users) of another organisation,
 * is simply not found. National users have no access. Every write appends a continuity_plan_change entry and an
 * audit entry in the same transaction.
 */
@Singleton
class PlanService {
    private final ContinuityPlanRepository plans;
    private final PlanChangeRepository changes;
    private final PlanConfirmations confirmations;
    private final PlanRules rules;
    private final MemberService members;
    private final AuditService audit;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;

    PlanService(ContinuityPlanRepository plans, PlanChangeRepository changes, PlanConfirmations confirmations,
                PlanRules rules, MemberService members, AuditService audit, JsonMapper json,
                TransactionOperations<Connection> tx) {
        this.plans = plans;
        this.changes = changes;
        this.confirmations = confirmations;
        this.rules = rules;
        this.members = members;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    /** 403 for national users; 404 unless the member is in the caller's tenant and is the caller's own (or secretariat). */
    void requireMember(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, "Continuity plans");
    }

    /** As {@link #requireMember}, and 403 for operator staff where the tenant made this record type read-only. */
    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordFreshness.RecordType.CONTINUITY_PLANS);
    }

    ContinuityPlan visible(CurrentUser user, long memberId, long id) {
        ContinuityPlan p = anyState(user, memberId, id);
        if (p.deleted()) {
            throw Problems.notFound("Continuity plan " + id);
        }
        return p;
    }

    private ContinuityPlan anyState(CurrentUser user, long memberId, long id) {
        requireMember(user, memberId);
        return plans.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, id)
                .orElseThrow(() -> Problems.notFound("Continuity plan " + id));
    }

    List<ContinuityPlan> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireMember(user, memberId);
        return plans.page(user.tenantId(), memberId, afterId, since, limit);
    }

    ContinuityPlan create(CurrentUser user, long memberId, PlanCommands.PlanInput input) {
        requireWrite(user, memberId);
        PlanData d = rules.valid(input);
        Instant now = now();
        return tx.executeWrite(status -> {
            checkLink(user, memberId, null, d);
            ContinuityPlan saved = plans.save(ContinuityPlan.created(user.tenantId(), memberId, d, now));
            history(user, saved, now, "CREATED", null, snapshot(d));
            audit.record(user, "continuity-plan.created", "continuity-plan", saved.id(), describe(saved));
            return saved;
        });
    }

    ContinuityPlan update(CurrentUser user, long memberId, long id, PlanCommands.PlanInput input,
                          Consumer<ContinuityPlan> precondition) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            ContinuityPlan current = visible(user, memberId, id);
            precondition.accept(current);
            PlanData d = rules.valid(input.over(rules.asInput(current.data())));
            checkLink(user, memberId, id, d);
            if (!PlanType.BCP.code().equals(d.planType()) && PlanType.BCP.code().equals(current.planType())
                    && !plans.escalatingTo(user.tenantId(), memberId, id).isEmpty()) {
                throw Problems.invalidField("planType", "an IT-BCP escalates to this BCP; unlink it first");
            }
            FieldChanges edit = FieldChanges.between(snapshot(current.data()), snapshot(d), rules::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version (use POST /confirm to re-confirm)
            }
            Instant now = now();
            ContinuityPlan saved = plans.update(current.with(d, now));
            history(user, saved, now, "UPDATED", edit.before(), edit.after());
            audit.record(user, "continuity-plan.updated", "continuity-plan", id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    void delete(CurrentUser user, long memberId, long id, Consumer<ContinuityPlan> precondition) {
        requireWrite(user, memberId);
        tx.executeWrite(status -> {
            ContinuityPlan current = visible(user, memberId, id);
            precondition.accept(current);
            if (!plans.escalatingTo(user.tenantId(), memberId, id).isEmpty()) {
                throw Problems.conflict("continuity-plan-linked",
                        "An IT-BCP escalates to this BCP; unlink or delete it first");
            }
            Instant now = now();
            ContinuityPlan saved = plans.update(current.delete(now));
            history(user, saved, now, "DELETED", snapshot(current.data()), null);
            audit.record(user, "continuity-plan.deleted", "continuity-plan", id, describe(current));
            return saved;
        });
    }

    List<PlanChange> history(CurrentUser user, long memberId, long id, long afterId, int limit) {
        ContinuityPlan p = anyState(user, memberId, id); // history of a deleted plan stays readable
        return changes.page(user.tenantId(), p.id(), afterId, limit);
    }

    /** "Confirm unchanged": every plan is still correct; refreshes freshness without a new version of any plan. */
    PlanView.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            List<ContinuityPlan> live = plans.liveForUpdate(user.tenantId(), memberId);
            if (live.isEmpty()) {
                throw Problems.conflict("continuity-plans-empty",
                        "The member has no continuity plans to confirm; record its contingency plan and BCP first");
            }
            Instant now = now();
            confirmations.confirm(user.tenantId(), memberId, now, user.username(), user.subject());
            for (ContinuityPlan p : live) {
                history(user, p, now, "CONFIRMED", null, null);
            }
            audit.record(user, "continuity-plan.list-confirmed", "member", memberId, "plans=" + live.size());
            return new PlanView.Confirmation(memberId, now, user.username(), live.size());
        });
    }

    /** An IT-BCP's escalation link must name a live BCP of the same member (in the caller's tenant). */
    private void checkLink(CurrentUser user, long memberId, @Nullable Long selfId, PlanData d) {
        Long link = d.escalatesToPlanId();
        if (link == null) {
            return;
        }
        boolean ok = !link.equals(selfId) && plans.findByTenantIdAndMemberOperatorIdAndId(user.tenantId(), memberId, link)
                .filter(p -> !p.deleted() && PlanType.BCP.code().equals(p.planType())).isPresent();
        if (!ok) {
            throw Problems.invalidField("escalatesToPlanId", "must be the id of a BCP of the same member");
        }
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

    private void history(CurrentUser user, ContinuityPlan p, Instant at, String type,
                         @Nullable Map<String, JsonNode> before, @Nullable Map<String, JsonNode> after) {
        int seq = changes.lastSeq(user.tenantId(), p.id()) + 1;
        changes.save(new PlanChange(null, user.tenantId(), p.id(), p.memberOperatorId(), seq, at, user.subject(),
                user.username(), type, before == null ? null : rules.write(JsonNode.createObjectNode(before)),
                after == null ? null : rules.write(JsonNode.createObjectNode(after))));
    }

    /** The editable fields as JSON values, the unit of "what changed" in the history. */
    private static Map<String, JsonNode> snapshot(PlanData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("planType", FieldChanges.text(d.planType()));
        m.put("status", FieldChanges.text(d.status()));
        m.put("cyberScenariosCovered", FieldChanges.text(d.cyberScenariosCovered()));
        m.put("lastReviewedOn", FieldChanges.date(d.lastReviewedOn()));
        m.put("lastExercisedOn", FieldChanges.date(d.lastExercisedOn()));
        m.put("nextReviewDue", FieldChanges.date(d.nextReviewDue()));
        m.put("ownerName", FieldChanges.text(d.ownerName()));
        m.put("ownerRole", FieldChanges.text(d.ownerRole()));
        m.put("scopeNotes", FieldChanges.text(d.scopeNotes()));
        m.put("escalatesToPlanId", FieldChanges.number(d.escalatesToPlanId()));
        return m;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(ContinuityPlan p) {
        return "memberId=" + p.memberOperatorId() + " planType=" + p.planType() + " status=" + p.status();
    }
}
