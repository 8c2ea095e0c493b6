package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Cursor;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.SyncCursor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reader's side: the inbox of threads with unread counts, the flat listing (search, and delta sync for
 * phones), counts for badges, a thread, and drafts for the sender. Every answer comes from {@link AlertReads}, that
 * is, through {@link AlertVisibility}.
 */
@Controller("/api/v1/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertReadController {
    private final AlertReads reads;
    private final AlertViews views;
    private final Viewers viewers;
    private final Clock clock;

    AlertReadController(AlertReads reads, AlertViews views, Viewers viewers, Clock clock) {
        this.reads = reads;
        this.views = views;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Serdeable
    record InboxPage(List<AlertViews.ThreadSummary> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record AlertPage(List<Object> items, @Nullable String nextCursor, String syncToken, Instant serverTime) {
    }

    @Serdeable
    record DraftPage(List<AlertViews.AlertView> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record ThreadView(long threadId, List<AlertViews.AlertView> items) {
    }

    @Serdeable
    record ImportanceCount(String code, String label, int total, int unread, int unacknowledged) {
    }

    @Serdeable
    record Counts(int total, int unread, int unacknowledged, List<ImportanceCount> byImportance) {
    }

    /** Threads newest first: each with its newest report the reader may read, how many it reads, how many unread. */
    @Get("/inbox")
    InboxPage inbox(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String box,
                    @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        AlertReads.Box b = box(box);
        ThreadCursor c = ThreadCursor.decode(cursor);
        Viewer v = viewers.of(user);
        Labels lang = Labels.of(request);
        List<AlertReads.ThreadRow> threads = reads.inbox(v, b, c.at(), c.threadId(), n + 1);
        String next = null;
        if (threads.size() > n) {
            threads = threads.subList(0, n);
            next = new ThreadCursor(threads.getLast().lastSentAt(), threads.getLast().threadId()).encode();
        }
        Map<Long, AlertRow> latest = reads.byIds(v, threads.stream().map(AlertReads.ThreadRow::latestId).toList())
                .stream().collect(Collectors.toMap(AlertRow::id, Function.identity()));
        Map<Long, Acknowledgements.ViewerGrant> grants = views.grants(v, List.copyOf(latest.values()));
        List<AlertViews.ThreadSummary> items = new ArrayList<>();
        for (AlertReads.ThreadRow t : threads) {
            AlertRow a = latest.get(t.latestId());
            if (a != null) {
                items.add(new AlertViews.ThreadSummary(t.threadId(), t.reports(), t.unread(), t.lastSentAt(),
                        views.summary(a, grants.get(a.id()), lang)));
            }
        }
        return new InboxPage(items, next);
    }

    /**
     * Without {@code updatedSince}: the alerts the reader may read, newest first, optionally filtered (box, text,
     * importance, label). With it (delta sync): every alert whose view changed since, readable ones in full and
     * the rest as tombstones; filters are refused then, so a tombstone never answers a filter.
     */
    @Get
    AlertPage list(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String updatedSince,
                   @Nullable @QueryValue String box, @Nullable @QueryValue String q,
                   @Nullable @QueryValue String importance, @Nullable @QueryValue String tlp,
                   @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Instant since = SyncCursor.updatedSince(updatedSince);
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) {
            throw Problems.invalidField("q", "must be at most 200 characters");
        }
        AlertReads.Filter filter = new AlertReads.Filter(box == null ? null : box(box), text,
                importance == null ? null : Labelled.parse(Importance.class, importance).orElseThrow(() ->
                        Problems.invalidField("importance", "must be one of " + Labelled.codes(Importance.class))),
                tlp == null ? null : Tlp.parse(tlp).orElseThrow(() ->
                        Problems.invalidField("tlp", "must be one of " + Labelled.codes(Tlp.class))));
        if (since != null && !filter.equals(AlertReads.Filter.NONE)) {
            throw Problems.invalidField("updatedSince", "a delta sync takes no filters (box, q, importance, tlp)");
        }
        SyncCursor c = SyncCursor.decode(cursor, clock);
        Viewer v = viewers.of(user);
        List<AlertReads.Listed> rows = reads.list(v, filter, since, c.afterId() == 0 ? Long.MAX_VALUE : c.afterId(), n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = c.encode(rows.getLast().id());
        }
        Map<Long, AlertViews.AlertView> readable = views.views(v, reads.byIds(v, rows.stream()
                        .filter(AlertReads.Listed::readable).map(AlertReads.Listed::id).toList()), Labels.of(request))
                .stream().collect(Collectors.toMap(AlertViews.AlertView::id, Function.identity()));
        List<Object> items = new ArrayList<>();
        for (AlertReads.Listed r : rows) {
            AlertViews.AlertView view = readable.get(r.id());
            if (view != null) {
                items.add(view);
            } else if (since != null) {
                items.add(new AlertViews.Tombstone(r.id(), true));
            }
        }
        return new AlertPage(items, next, c.syncToken().toString(), clock.instant());
    }

    @Get("/counts")
    Counts counts(CurrentUser user, HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        AlertReads.Counts c = reads.counts(viewers.of(user));
        List<ImportanceCount> by = new ArrayList<>();
        for (Importance i : Importance.values()) {
            int[] x = c.byImportance().getOrDefault(i, new int[3]);
            by.add(new ImportanceCount(i.code(), i.label(lang), x[0], x[1], x[2]));
        }
        return new Counts(c.total(), c.unread(), c.unacknowledged(), by);
    }

    /** The reports of a thread the reader may read, 第1報 first; each is checked on its own. */
    @Get("/threads/{threadId}")
    ThreadView thread(CurrentUser user, HttpRequest<?> request, @PathVariable long threadId) {
        Viewer v = viewers.of(user);
        List<AlertRow> rows = reads.thread(v, threadId);
        if (rows.isEmpty()) {
            throw Problems.notFound("Thread " + threadId);
        }
        return new ThreadView(threadId, views.views(v, rows, Labels.of(request)));
    }

    /** The drafts of the sender's organisation, newest first. */
    @Get("/drafts")
    DraftPage drafts(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String cursor,
                     @Nullable @QueryValue Integer limit) {
        int n = Cursor.limit(limit);
        Viewer v = viewers.of(user);
        AlertService.requireSender(v);
        long before = Cursor.decode(cursor);
        List<AlertRow> rows = reads.drafts(v, before == 0 ? Long.MAX_VALUE : before, n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            next = Cursor.encode(rows.getLast().id());
        }
        return new DraftPage(views.views(v, rows, Labels.of(request)), next);
    }

    private static AlertReads.Box box(@Nullable String box) {
        if (box == null || box.equals("received")) {
            return AlertReads.Box.RECEIVED;
        }
        if (box.equals("sent")) {
            return AlertReads.Box.SENT;
        }
        throw Problems.invalidField("box", "must be received or sent");
    }

    /** Keyset position in the inbox: the last thread's newest 情報提供日時 and its id. */
    record ThreadCursor(@Nullable Instant at, long threadId) {
        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("t:" + micros + ":" + threadId).getBytes(StandardCharsets.US_ASCII));
        }

        static ThreadCursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return new ThreadCursor(null, 0);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
                if (parts.length != 3 || !parts[0].equals("t")) {
                    throw new IllegalArgumentException();
                }
                return new ThreadCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS),
                        Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("cursor", "is not a cursor returned by this API");
            }
        }
    }
}
