package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordDescriptor.Scope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The lifecycle of one kind of readiness record, written once for every record type: listing with delta sync,
 * create, update (what changed; no new version when nothing did), delete (refused while other records link to it),
 * history and "confirm unchanged". Every query is scoped by the caller's tenant (from the verified token) and the
 * member in the path: a member or record of another tenant, or (for operator users) of another organisation, is
 * simply not found; national users get 403. Every write checks {@link RecordAccess#requireWrite} and appends a
 * history entry (shared {@code record_change}) and an audit entry in the same transaction; updates and deletions
 * lock the row first and check If-Match against it.
 */
public final class RecordLifecycle<R extends MemberRecord, I, D> {
    private final RecordLifecycles shared;
    private final RecordDescriptor<R, I, D> kind;
    private final RecordStore<R> store;

    RecordLifecycle(RecordLifecycles shared, RecordDescriptor<R, I, D> kind) {
        this.shared = shared;
        this.kind = kind;
        this.store = kind.store();
    }

    public void requireRead(CurrentUser user, long memberId) {
        shared.access.requireRead(user, memberId, kind.type());
    }

    public void requireWrite(CurrentUser user, long memberId) {
        shared.access.requireWrite(user, memberId, kind.type());
    }

    /**
     * A page of the member's records. Without {@code updatedSince}: the live records. With it: every record changed
     * since, deleted ones included (the view turns them into tombstones). Bad parameters are 400s naming them.
     */
    public SyncPage<R> page(CurrentUser user, long memberId, @Nullable String updatedSince, @Nullable String cursor,
                            @Nullable Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        SyncCursor c = SyncCursor.decode(cursor, shared.clock);
        requireRead(user, memberId);
        List<R> rows = store.page(user.tenantId(), memberId, c.afterId(), since, n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        return new SyncPage<>(List.copyOf(rows), next, c.syncToken().toString(), shared.clock.instant());
    }

    /** A live record of the member; 404 when absent, deleted, or not the caller's to see. */
    public R visible(CurrentUser user, long memberId, long id) {
        requireRead(user, memberId);
        return live(store.find(user.tenantId(), memberId, id).orElse(null), id);
    }

    public R create(CurrentUser user, long memberId, I input) {
        requireWrite(user, memberId);
        return shared.tx.executeWrite(status -> {
            D data = kind.valid(new Scope(user.tenantId(), memberId, null), input, null);
            Instant now = shared.clock.instant();
            R saved = kind.insert(user.tenantId(), memberId, data, now);
            shared.history.created(user.actor(), kind.code(), saved.id(), memberId, now, kind.fields(data));
            shared.audit.record(user, kind.entityType() + ".created", kind.entityType(), saved.id(),
                    kind.describe(saved));
            return saved;
        });
    }

    /**
     * Lays the input over the record (If-Match must name its current version). When nothing changes the record
     * is returned as it is: no new version, no history entry ("confirm unchanged" is the way to re-confirm).
     */
    public R update(CurrentUser user, long memberId, long id, I input, HttpRequest<?> request) {
        requireWrite(user, memberId);
        return shared.tx.executeWrite(status -> {
            R current = lockedLive(user, memberId, id, request);
            D before = kind.data(current);
            D after = kind.valid(new Scope(user.tenantId(), memberId, id), input, before);
            FieldChanges edit = FieldChanges.between(kind.fields(before), kind.fields(after), shared.history::write);
            if (edit.isEmpty()) {
                return current;
            }
            Instant now = shared.clock.instant();
            R saved = kind.update(current, after, now);
            shared.history.updated(user.actor(), kind.code(), id, memberId, now, edit);
            shared.audit.record(user, kind.entityType() + ".updated", kind.entityType(), id,
                    "fields=" + String.join(",", edit.after().keySet()));
            return saved;
        });
    }

    /**
     * Deletes (tombstones) the record unless a live record links to it: every {@link RecordLinks.Source} is asked
     * once the row is locked, and the links found are listed in a 409 {@code <entityType>-linked} (as violations:
     * field = the linking record type, message = the linking record).
     */
    public void delete(CurrentUser user, long memberId, long id, HttpRequest<?> request) {
        requireWrite(user, memberId);
        shared.tx.executeWrite(status -> {
            R current = lockedLive(user, memberId, id, request);
            List<FieldError> links = new ArrayList<>();
            for (RecordLinks.Source source : shared.linkSources) {
                for (String description : source.linksTo(kind.code(), user.tenantId(), memberId, id)) {
                    links.add(new FieldError(source.recordType(), description));
                }
            }
            if (!links.isEmpty()) {
                throw Problems.withViolations(HttpStatus.CONFLICT, kind.entityType() + "-linked", "Conflict",
                        kind.noun() + " " + id + " is linked from " + links.size() + " record(s): "
                                + String.join("; ", links.stream().map(l -> l.field() + ": " + l.message()).toList())
                                + "; unlink them first", links, null);
            }
            Map<String, JsonNode> before = kind.fields(kind.data(current)); // read before the tombstone drops links
            String description = kind.describe(current);
            Instant now = shared.clock.instant();
            R saved = kind.tombstone(current, now);
            shared.history.deleted(user.actor(), kind.code(), id, memberId, now, before);
            shared.audit.record(user, kind.entityType() + ".deleted", kind.entityType(), id, description);
            return saved;
        });
    }

    /** The history of a record, oldest first; it stays readable after the record is deleted. */
    public RecordHistory.Page history(CurrentUser user, long memberId, long id, @Nullable String cursor,
                                      @Nullable Integer limit) {
        int n = Cursor.limit(limit);
        requireRead(user, memberId);
        R r = store.find(user.tenantId(), memberId, id).orElseThrow(() -> notFound(id));
        return shared.history.page(user.tenantId(), kind.code(), r.id(), cursor, n);
    }

    /**
     * "Confirm unchanged": the member's records of this kind (and of the kinds {@link
     * RecordDescriptor#confirmedWith}) are still correct. Refreshes the type's freshness and adds a CONFIRMED entry
     * to every live record's history, without a new version of any; 409 {@code <type>-empty} without a live record.
     */
    public Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return shared.tx.executeWrite(status -> {
            Map<String, List<? extends MemberRecord>> live = new LinkedHashMap<>();
            live.put(kind.code(), store.liveForUpdate(user.tenantId(), memberId));
            if (live.get(kind.code()).isEmpty()) {
                throw Problems.conflict(kind.type().code() + "-empty", "The member has no "
                        + kind.noun().toLowerCase(Locale.ROOT) + "s to confirm; record them first");
            }
            for (RecordDescriptor<?, ?, ?> other : kind.confirmedWith()) {
                live.put(other.code(), other.store().liveForUpdate(user.tenantId(), memberId));
            }
            Instant now = shared.clock.instant();
            shared.confirmations.confirm(user, kind.type(), memberId, now);
            Actor actor = user.actor();
            Map<String, Integer> counts = new LinkedHashMap<>();
            live.forEach((code, records) -> {
                for (MemberRecord r : records) {
                    shared.history.confirmed(actor, code, r.id(), memberId, now);
                }
                counts.put(code, records.size());
            });
            shared.audit.record(user, kind.confirmAction(), "member", memberId, String.join(" ",
                    counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            return new Confirmation(memberId, now, user.username(), counts);
        });
    }

    /** The outcome of "confirm unchanged": how many live records of each kind (by code) were confirmed. */
    public record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy,
                               Map<String, Integer> counts) {
        public int count(String code) {
            return counts.getOrDefault(code, 0);
        }
    }

    /**
     * A member's live records, when any of its records last changed (deletions included) and when they were last
     * confirmed unchanged: what a type's own summary of a member (e.g. the contacts' coverage) is built from.
     */
    public MemberState<R> state(CurrentUser user, long memberId) {
        requireRead(user, memberId);
        Instant lastChanged = store.page(user.tenantId(), memberId, 0, Instant.EPOCH, Integer.MAX_VALUE).stream()
                .map(MemberRecord::updatedAt).max(Instant::compareTo).orElse(null);
        return new MemberState<>(store.live(user.tenantId(), memberId), lastChanged,
                shared.confirmations.lastConfirmed(user.tenantId(), kind.type(), memberId).orElse(null));
    }

    public record MemberState<R>(List<R> live, @Nullable Instant lastChangedAt, @Nullable Instant lastConfirmedAt) {
    }

    /**
     * The freshness dashboard's view of this kind for a tenant's members: lastChangedAt = the latest change of any
     * record (deletions included), lastConfirmedAt = the latest "confirm unchanged", complete as the type's rule says
     * of the member's live records. A member without live records is absent (MISSING).
     */
    public Map<Long, RecordFreshness.Observation> observe(long tenantId, Predicate<List<R>> complete) {
        Map<Long, List<R>> live = new HashMap<>();
        Map<Long, Instant> changed = new HashMap<>();
        for (R r : store.allOfTenant(tenantId)) {
            changed.merge(r.memberOperatorId(), r.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
            if (!r.deleted()) {
                live.computeIfAbsent(r.memberOperatorId(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<Long, Instant> confirmed = shared.confirmations.allOfTenant(tenantId, kind.type());
        Map<Long, RecordFreshness.Observation> out = new HashMap<>();
        live.forEach((memberId, records) -> out.put(memberId, new RecordFreshness.Observation(changed.get(memberId),
                confirmed.get(memberId), complete.test(records))));
        return out;
    }

    /** The weak ETag of the record's current version. */
    public String etag(R record) {
        return ETags.of(kind.entityType(), record.id(), record.versionOrZero());
    }

    private R lockedLive(CurrentUser user, long memberId, long id, HttpRequest<?> request) {
        R current = live(store.findForUpdate(user.tenantId(), memberId, id).orElse(null), id);
        ETags.requireMatch(request, etag(current));
        return current;
    }

    private R live(@Nullable R r, long id) {
        if (r == null || r.deleted()) {
            throw notFound(id);
        }
        return r;
    }

    private RuntimeException notFound(long id) {
        return Problems.notFound(kind.noun() + " " + id);
    }
}
