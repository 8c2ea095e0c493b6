package jp.ceptoarhub.national;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.national.disclosure.AuditScope;
import jp.ceptoarhub.national.disclosure.DisclosureControl;
import jp.ceptoarhub.national.disclosure.DisclosureException;
import jp.ceptoarhub.national.disclosure.PriorRelease;
import jp.ceptoarhub.national.disclosure.Release;
import jp.ceptoarhub.national.disclosure.ReleaseRequest;
import jp.ceptoarhub.national.disclosure.StoredReleases;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Releases of the national summaries: NISC analysts publish one for a reference date; NISC analysts, the NISC system
 * client and platform admins read the published JSON and CSV; platform admins alone read the audit rendering
 * (parameters and reason codes). A release is protected (as NISC, every secretariat and every member) against every
 * earlier release before it is written, and written once.
 * <p>
 * Protection runs outside the database transaction (it takes seconds to minutes); the transaction that writes the
 * release checks that no other release was written meanwhile — otherwise the new one was not protected against it
 * and is refused (409), to be published again.
 */
@Singleton
class NationalReleases {
    private final NationalSnapshots snapshots;
    private final NationalReleaseStore store;
    private final NationalSummarySettings settings;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    NationalReleases(NationalSnapshots snapshots, NationalReleaseStore store, NationalSummarySettings settings,
                     AuditService audit, TransactionOperations<Connection> tx, Clock clock) {
        this.snapshots = snapshots;
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    static void requireReader(CurrentUser user) {
        requireNational(user);
        user.require(Role.NISC_ANALYST, Role.NISC_SYSTEM, Role.PLATFORM_ADMIN);
    }

    static void requirePublisher(CurrentUser user) {
        requireNational(user);
        user.require(Role.NISC_ANALYST);
    }

    private static void requireNational(CurrentUser user) {
        if (!user.national()) {
            throw Problems.forbidden("National summaries are read in the national tenant; a CEPTOAR sees its own "
                    + "members' data inside its tenant only");
        }
    }

    NationalReleaseStore.Summary publish(CurrentUser user, LocalDate referenceDate) {
        requirePublisher(user);
        if (referenceDate.isAfter(ClockFactory.today(clock))) {
            throw Problems.invalidField("referenceDate", "must not be in the future");
        }
        List<byte[][]> stored = tx.executeRead(status -> store.priors(user.tenantId()));
        List<PriorRelease> priors = new ArrayList<>();
        for (byte[][] s : stored) {
            priors.add(StoredReleases.read(StoredReleases.readSnapshot(s[0]), s[1], s[2]));
        }
        ReleaseRequest request = snapshots.take(user, UUID.randomUUID().toString(), referenceDate);
        if (request.population().respondents().isEmpty()) {
            throw Problems.conflict("no-accepted-submissions", "No contributing CEPTOAR has accepted submissions "
                    + "to a campaign with reference date " + referenceDate);
        }
        Release release;
        try {
            release = new DisclosureControl(settings.parameters(), settings.threads())
                    .protect(request, priors, AuditScope.ALL_PROFILES);
        } catch (DisclosureException e) {
            throw Problems.of(HttpStatus.CONFLICT, "release-not-protectable", "The release cannot be protected",
                    "Nothing was published: " + e.getMessage());
        }
        int ceptoars = request.population().groups().size();
        int respondents = request.population().respondents().size();
        int suppressed = release.audit().statistics().suppressedCells();
        Instant now = clock.instant();
        byte[] snapshot = StoredReleases.writeSnapshot(request);
        long id = tx.executeWrite(status -> {
            store.lockReleases(user.tenantId());
            if (store.priors(user.tenantId()).size() != stored.size()) {
                throw Problems.conflict("release-race", "Another release was published meanwhile; this one was not "
                        + "protected against it and is not written. Publish again.");
            }
            long saved = store.insert(user.tenantId(), referenceDate, release.algorithmVersion(), ceptoars,
                    respondents, suppressed, release.json(), release.csv(), release.auditJson(), snapshot,
                    user.username(), user.subject(), now);
            audit.record(user, "national.release-published", "national-release", saved, "referenceDate="
                    + referenceDate + " releaseId=" + release.releaseId() + " ceptoars=" + ceptoars
                    + " respondents=" + respondents + " suppressedCells=" + suppressed);
            return saved;
        });
        return new NationalReleaseStore.Summary(id, referenceDate, release.algorithmVersion(), ceptoars,
                respondents, suppressed, user.username(), now);
    }

    List<NationalReleaseStore.Summary> page(CurrentUser user, long beforeId, int limit) {
        requireReader(user);
        return store.page(user.tenantId(), beforeId, limit);
    }

    NationalReleaseStore.Summary summary(CurrentUser user, long id) {
        requireReader(user);
        return store.summary(user.tenantId(), id).orElseThrow(() -> Problems.notFound("Release " + id));
    }

    byte[] document(CurrentUser user, long id, NationalReleaseStore.Document document) {
        if (document == NationalReleaseStore.Document.AUDIT) {
            requireNational(user);
            user.require(Role.PLATFORM_ADMIN);
        } else {
            requireReader(user);
        }
        return store.document(user.tenantId(), id, document).orElseThrow(() -> Problems.notFound("Release " + id));
    }
}
