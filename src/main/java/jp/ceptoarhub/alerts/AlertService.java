package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.numbering.Numbering;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Composing and sending alerts, and every change the originator makes afterwards. Each action is one transaction
 * that reads the alert under {@link AlertVisibility} (row-locked where it changes it), checks that the caller sends
 * for the originating organisation, writes, and appends the audit entry.
 * <p>
 * Sending assigns the number (Ｔ１, Ｔ１-2 … through {@link Numbering}) and fans out in the same transaction that makes
 * the alert visible: the grants are written in each recipient's tenant ({@link FanOut}). Only the originator widens
 * or narrows the label, adds recipients or withdraws; additions reach only the added audience. The audit entries
 * carry numbers, labels and counts, never a title or body (the audit log is not under the alert's label).
 * <p>
 * Notifications (the next issue) hook into {@link #send}, {@link #addRecipients} and {@link PassOns#passOn}: the
 * grants each writes are exactly the audience to notify, in the same transaction (transactional outbox).
 */
@Singleton
class AlertService {
    private final AlertReads reads;
    private final AlertStore store;
    private final Audiences audiences;
    private final FanOut fanOut;
    private final Numbering numbering;
    private final AlertSettings settings;
    private final Attachments attachments;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;

    AlertService(AlertReads reads, AlertStore store, Audiences audiences, FanOut fanOut, Numbering numbering,
                 AlertSettings settings, Attachments attachments, AuditService audit,
                 TransactionOperations<Connection> tx) {
        this.reads = reads;
        this.store = store;
        this.audiences = audiences;
        this.fanOut = fanOut;
        this.numbering = numbering;
        this.settings = settings;
        this.attachments = attachments;
        this.audit = audit;
        this.tx = tx;
    }

    /** What a send, an addition of recipients or a pass-on reaches (or, in a dry run, would reach). */
    record Outcome(@Nullable AlertRow alert, int organisations, int readers, int alreadyReached, int excluded,
                   String recipientsLine, boolean dryRun, @Nullable Long passOnId) {
    }

    AlertRow create(Viewer v, AlertCommands.AlertInput in) {
        requireSender(v);
        AlertStore.Content c = AlertRules.create(in, settings.of(v.tenantId()).inquiryContact());
        return tx.executeWrite(s -> {
            Long threadId = null;
            List<AudienceRule> rules;
            if (in.followUpOf() != null) {
                AlertRow parent = reads.find(v, in.followUpOf()).filter(a -> a.sent() && a.viewerIsOrigin())
                        .orElseThrow(() -> Problems.invalidField("followUpOf", "is not an alert your organisation sent"));
                threadId = parent.threadId();
                rules = in.audience() == null ? store.rules(v.tenantId(), parent.id(), null) : parse(v, in.audience());
            } else {
                rules = parse(v, in.audience());
            }
            audiences.resolveOrigin(v, c.tlp(), rules);
            long id = store.insertDraft(v.tenantId(), v.org(), threadId, c, v.userId(), v.name());
            store.replaceRules(v.tenantId(), id, rules);
            audit.record(v.tenantId(), v.actor(), "alert.draft-created", "alert", id, "tlp=" + c.tlp().name()
                    + " importance=" + c.importance().name() + (threadId == null ? "" : " followUpOf=" + in.followUpOf()));
            return reads.find(v, id).orElseThrow();
        });
    }

    AlertRow update(Viewer v, long id, AlertCommands.AlertInput in, Consumer<AlertRow> precondition) {
        requireSender(v);
        return tx.executeWrite(s -> {
            AlertRow a = draft(v, id);
            precondition.accept(a);
            AlertStore.Content c = AlertRules.merge(in, a);
            List<AudienceRule> rules = in.audience() == null ? store.rules(v.tenantId(), id, null) : parse(v, in.audience());
            audiences.resolveOrigin(v, c.tlp(), rules);
            store.updateDraft(id, c);
            if (in.audience() != null) {
                store.replaceRules(v.tenantId(), id, rules);
            }
            audit.record(v.tenantId(), v.actor(), "alert.draft-updated", "alert", id, "tlp=" + c.tlp().name());
            return reads.find(v, id).orElseThrow();
        });
    }

    void delete(Viewer v, long id, Consumer<AlertRow> precondition) {
        requireSender(v);
        tx.executeWrite(s -> {
            AlertRow a = draft(v, id);
            precondition.accept(a);
            store.deleteDraft(v.tenantId(), id);
            audit.record(v.tenantId(), v.actor(), "alert.draft-deleted", "alert", id, null);
            return null;
        });
    }

    /**
     * Sends a draft: resolves its audience as it is now, assigns the number and the 第n報, writes the grants in each
     * recipient's tenant. A dry run answers what it would reach and writes nothing.
     */
    Outcome send(Viewer v, long id, boolean dryRun) {
        requireSender(v);
        return tx.executeWrite(s -> {
            AlertRow a = reads.lock(v, id).filter(AlertRow::viewerIsOrigin)
                    .orElseThrow(() -> Problems.notFound("Alert " + id));
            if (a.sent()) {
                throw Problems.conflict("alert-already-sent", "Alert " + id + " was already sent as " + a.number());
            }
            if (!a.annex() && attachments.count(a.tenantId(), a.id()) > 0) {
                throw Problems.invalidField("annex", "is false (別紙無) but the alert has attachments; set it to true");
            }
            Audiences.Resolution res = audiences.resolveOrigin(v, a.tlp(), store.rules(v.tenantId(), id, null));
            int readers = audiences.readers(res, a.tlp());
            if (dryRun) {
                return new Outcome(a, organisations(res), readers, 0, 0, res.recipientsLine(), true, null);
            }
            int reportNo;
            String number;
            if (a.threadId() == a.id()) {
                reportNo = 1;
                number = numbering.next(v.tenantId(), AlertSettings.SERIES,
                        AlertSettings.defaultPrefix(v.org().kind() == OrgRef.Kind.NATIONAL)).text();
            } else {
                reads.lock(v, a.threadId()).orElseThrow();
                reportNo = store.nextReportNo(v.tenantId(), a.threadId());
                number = Numbering.inThread(store.threadNumber(v.tenantId(), a.threadId()), reportNo);
            }
            fanOut.grant(id, v.tenantId(), 0, null, res.targets());
            fanOut.name(id, v.tenantId(), res.named());
            store.addSectors(v.tenantId(), id, res.sectors());
            store.markSent(id, reportNo, number, res.recipientsLine(), v.userId(), v.name());
            audit.record(v.tenantId(), v.actor(), "alert.sent", "alert", id, "number=" + number + " reportNo=" + reportNo
                    + " tlp=" + a.tlp().name() + " importance=" + a.importance().name() + " organisations="
                    + organisations(res) + " readers=" + readers);
            return new Outcome(reads.find(v, id).orElseThrow(), organisations(res), readers, 0, 0,
                    res.recipientsLine(), false, null);
        });
    }

    /** The originator addresses more organisations or users; only the added audience is reached. */
    Outcome addRecipients(Viewer v, long id, @Nullable List<AlertCommands.AudienceInput> input, boolean dryRun) {
        requireSender(v);
        return tx.executeWrite(s -> {
            AlertRow a = originated(v, id);
            List<AudienceRule> rules = parse(v, input);
            Audiences.Resolution res = audiences.resolveOrigin(v, a.tlp(), rules);
            Map<String, Boolean> granted = fanOut.originGrants(v.tenantId(), id);
            List<Audiences.Target> added = new ArrayList<>();
            for (Audiences.Target t : res.targets()) {
                Boolean whole = granted.get(t.tenantId() + ":" + t.org().kind() + ":" + t.org().id());
                if (whole == null || !whole && t.wholeOrganisation()) {
                    added.add(t);
                }
            }
            Audiences.Resolution addition = new Audiences.Resolution(added, res.named(), res.sectors(),
                    res.recipientsLine(), 0);
            int readers = audiences.readers(addition, a.tlp());
            int already = res.targets().size() - added.size();
            if (dryRun) {
                return new Outcome(a, added.size(), readers, already, 0, res.recipientsLine(), true, null);
            }
            fanOut.grant(id, v.tenantId(), 0, null, added);
            fanOut.name(id, v.tenantId(), res.named());
            store.addSectors(v.tenantId(), id, res.sectors());
            store.insertRules(v.tenantId(), id, null, rules, true);
            audit.record(v.tenantId(), v.actor(), "alert.recipients-added", "alert", id, "number=" + a.number()
                    + " organisations=" + added.size() + " namedUsers=" + res.named().size() + " readers=" + readers);
            return new Outcome(reads.find(v, id).orElseThrow(), added.size(), readers, already, 0,
                    res.recipientsLine(), false, null);
        });
    }

    /**
     * The originator widens or narrows the label or edits 特記事項. Narrowing takes effect on every read path at once;
     * widening lets more people of the addressed organisations read, never more organisations.
     */
    AlertRow changeLabel(Viewer v, long id, AlertCommands.LabelChange cmd, Consumer<AlertRow> precondition) {
        requireSender(v);
        Tlp tlp = AlertRules.tlp(cmd.tlp(), "tlp");
        String remarks = AlertRules.remarks(cmd.specialRemarks());
        return tx.executeWrite(s -> {
            AlertRow a = originated(v, id);
            precondition.accept(a);
            if (tlp == Tlp.RED && a.tlp() != Tlp.RED && !fanOut.hasNamedUsers(v.tenantId(), id)) {
                throw Problems.conflict("red-needs-named-users", "TLP:RED is read by named users only and this alert "
                        + "names none; add users (POST …/recipients with kind USER) before narrowing to RED");
            }
            store.setLabel(id, tlp, remarks);
            String change = tlp == a.tlp() ? "unchanged" : tlp.narrowerThan(a.tlp()) ? "narrowed" : "widened";
            audit.record(v.tenantId(), v.actor(), "alert.label-changed", "alert", id, "number=" + a.number() + " tlp="
                    + a.tlp().name() + "->" + tlp.name() + " (" + change + ")"
                    + (Objects.equals(remarks, a.specialRemarks()) ? "" : " specialRemarks changed"));
            return reads.find(v, id).orElseThrow();
        });
    }

    /** Withdraws (取消) a sent alert: it stays readable by its audience, marked withdrawn with the reason. */
    AlertRow withdraw(Viewer v, long id, @Nullable String reason) {
        requireSender(v);
        String why = AlertRules.reason(reason);
        return tx.executeWrite(s -> {
            AlertRow a = originated(v, id);
            if (AlertRow.WITHDRAWN.equals(a.status())) {
                throw Problems.conflict("alert-withdrawn", "Alert " + a.number() + " was already withdrawn");
            }
            store.withdraw(id, why);
            audit.record(v.tenantId(), v.actor(), "alert.withdrawn", "alert", id, "number=" + a.number());
            return reads.find(v, id).orElseThrow();
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<AudienceRule> parse(Viewer v, @Nullable List<AlertCommands.AudienceInput> input) {
        return audiences.parse(input, v.org().kind() == OrgRef.Kind.NATIONAL ? Audiences.Scope.NATIONAL_ORIGIN
                : Audiences.Scope.CEPTOAR_ORIGIN);
    }

    /** A draft of the viewer's organisation, locked; a sent alert answers 409. */
    AlertRow draft(Viewer v, long id) {
        AlertRow a = reads.lock(v, id).filter(AlertRow::viewerIsOrigin).orElseThrow(() -> Problems.notFound("Alert " + id));
        if (a.sent()) {
            throw Problems.conflict("alert-not-draft", "Alert " + a.number() + " was sent; only drafts are edited. "
                    + "The originator may change its label, add recipients, withdraw it or send a follow-up");
        }
        return a;
    }

    /** A sent alert the viewer's organisation originated, locked; 403 for other readers, 404 for the rest. */
    private AlertRow originated(Viewer v, long id) {
        AlertRow a = reads.lock(v, id).orElseThrow(() -> Problems.notFound("Alert " + id));
        if (!a.viewerIsOrigin()) {
            throw Problems.forbidden("Only the originator of an alert changes its label, adds recipients or "
                    + "withdraws it; recipients may pass it on within its label");
        }
        if (a.draft()) {
            throw Problems.conflict("alert-not-sent", "Alert " + id + " is a draft; edit it and send it");
        }
        return a;
    }

    static void requireSender(Viewer v) {
        if (!v.sender()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Alerts are sent by a CEPTOAR's "
                    + "secretariat (secretariat-admin, secretariat-staff) and by NISC analysts");
        }
    }

    static int organisations(Audiences.Resolution r) {
        return r.targets().size();
    }
}
