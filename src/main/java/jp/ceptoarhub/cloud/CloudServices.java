package jp.ceptoarhub.cloud;

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
import jp.ceptoarhub.records.RecordLinks;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cloud services inventory of a member operator. Every query is scoped by the caller's tenant (from the verified
 * token) and the member in the path; a member or service of another tenant, or (for operator users) of another
 * organisation, is simply not found; national users get 403. Every write checks
 * {@link MemberService#requireRecordWrite} (the tenant's operator-staff read-only policy) and appends a history
 * entry (shared record_change table) and an audit entry in the same transaction.
 */
@Singleton
class CloudServices {
    static final String RECORD_TYPE = RecordType.CLOUD_SERVICES.code();
    private static final String WHAT = "Cloud services";

    private final CloudServiceRepository services;
    private final CloudConfirmations confirmations;
    private final CloudRules rules;
    private final RecordHistory history;
    private final MemberService members;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final List<RecordLinks.Source> linkSources;

    CloudServices(CloudServiceRepository services, CloudConfirmations confirmations, CloudRules rules,
                  RecordHistory history, MemberService members, AuditService audit,
                  TransactionOperations<Connection> tx, List<RecordLinks.Source> linkSources) {
        this.linkSources = linkSources;
        this.services = services;
        this.confirmations = confirmations;
        this.rules = rules;
        this.history = history;
        this.members = members;
        this.audit = audit;
        this.tx = tx;
    }

    void requireRead(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, WHAT);
    }

    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordType.CLOUD_SERVICES);
    }

    CloudService visible(CurrentUser user, long memberId, long id) {
        requireRead(user, memberId);
        return live(user, memberId, id, false);
    }

    private CloudService live(CurrentUser user, long memberId, long id, boolean forUpdate) {
        CloudService s = services.find(user.tenantId(), memberId, id, forUpdate)
                .orElseThrow(() -> Problems.notFound("Cloud service " + id));
        if (s.deleted()) {
            throw Problems.notFound("Cloud service " + id);
        }
        return s;
    }

    List<CloudService> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireRead(user, memberId);
        return services.page(user.tenantId(), memberId, afterId, since, limit);
    }

    CloudService create(CurrentUser user, long memberId, Map<String, JsonNode> input) {
        requireWrite(user, memberId);
        Map<String, JsonNode> data = rules.valid(input);
        Instant now = now();
        return tx.executeWrite(status -> {
            CloudService saved = services.insert(user.tenantId(), memberId, data, now);
            history.created(actor(user), RECORD_TYPE, saved.id(), memberId, now, data);
            audit.record(user, "cloud-service.created", "cloud-service", saved.id(), describe(saved));
            return saved;
        });
    }

    CloudService update(CurrentUser user, long memberId, long id, Map<String, JsonNode> patch,
                        Consumer<CloudService> precondition) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            CloudService current = live(user, memberId, id, true);
            precondition.accept(current);
            Map<String, JsonNode> data = rules.valid(CloudRules.over(patch, current.data()));
            FieldChanges edit = FieldChanges.between(current.data(), data, services::write);
            if (edit.isEmpty()) {
                return current; // nothing to change: no new version (use POST /confirm to re-confirm)
            }
            Instant now = now();
            CloudService saved = services.update(current, data, now);
            history.updated(actor(user), RECORD_TYPE, id, memberId, now, edit);
            audit.record(user, "cloud-service.updated", "cloud-service", id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    void delete(CurrentUser user, long memberId, long id, Consumer<CloudService> precondition) {
        requireWrite(user, memberId);
        tx.executeWrite(status -> {
            CloudService current = live(user, memberId, id, true);
            precondition.accept(current);
            List<String> links = linkSources.stream()
                    .flatMap(src -> src.linksTo(RECORD_TYPE, user.tenantId(), memberId, id).stream()).toList();
            if (!links.isEmpty()) {
                throw Problems.conflict("cloud-service-linked", "Other records link to this cloud service; unlink "
                        + "them first: " + String.join("; ", links));
            }
            Instant now = now();
            CloudService saved = services.tombstone(current, now);
            history.deleted(actor(user), RECORD_TYPE, id, memberId, now, current.data());
            audit.record(user, "cloud-service.deleted", "cloud-service", id, describe(current));
            return saved;
        });
    }

    /** The history of a service, deleted ones included (their history stays readable). */
    RecordHistory.Page history(CurrentUser user, long memberId, long id, @Nullable String cursor, int limit) {
        requireRead(user, memberId);
        CloudService s = services.find(user.tenantId(), memberId, id, false)
                .orElseThrow(() -> Problems.notFound("Cloud service " + id));
        return history.page(user.tenantId(), RECORD_TYPE, s.id(), cursor, limit);
    }

    /** "Confirm unchanged": every service is still correct; refreshes freshness without a new version of any. */
    CloudViews.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            List<CloudService> live = services.live(user.tenantId(), memberId, true);
            if (live.isEmpty()) {
                throw Problems.conflict("cloud-services-empty",
                        "The member has no cloud services to confirm; record the cloud services it uses first");
            }
            Instant now = now();
            confirmations.confirm(user.tenantId(), memberId, now, user.username(), user.subject());
            for (CloudService s : live) {
                history.confirmed(actor(user), RECORD_TYPE, s.id(), memberId, now);
            }
            audit.record(user, "cloud-service.list-confirmed", "member", memberId, "services=" + live.size());
            return new CloudViews.Confirmation(memberId, now, user.username(), live.size());
        });
    }

    private static Actor actor(CurrentUser user) {
        return user.actor();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(CloudService s) {
        return "memberId=" + s.memberOperatorId() + " provider=" + s.providerName() + " service=" + s.serviceName();
    }
}
