package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alerts as the API shows them to a reader: the provision form's fields in its order, the label the reader reads it
 * under (a passed-on copy's, if narrower), the 情報提供日時 in JST, and the reader's own relation to it (originator,
 * named, addressed organisation; who passed it on; opened; its organisation's acknowledgement). The audience an
 * alert was sent to is shown to its originator only.
 */
@Singleton
class AlertViews {
    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日 H時mm分");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'JST'");

    @Serdeable
    record CodeLabel(String code, String label) {
    }

    /** FIRST's label (Latin script, standard colour) with the handbook's Japanese name and the form's wording. */
    @Serdeable
    record TlpView(String code, String label, String nameJa, @Nullable String formWording, String colour) {
    }

    TlpView tlp(Tlp t) {
        TlpWording.Wording w = wording.of(t);
        return new TlpView(t.code(), t.labelEn(), w.nameJa(), w.provisionForm(), t.colour());
    }

    @Serdeable
    record Origin(String kind, String name, @Nullable String ceptoarCode) {
    }

    @Serdeable
    record Acknowledgement(String state, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
    }

    /** The reader's relation to the alert and what it may do with it. */
    @Serdeable
    record Reading(String relation, @Nullable String passedOnBy, @Nullable Instant openedAt,
                   @Nullable Acknowledgement acknowledgement, boolean canAcknowledge, boolean canPassOn,
                   boolean canChange) {
    }

    @Serdeable
    record Withdrawal(@Nullable Instant at, @Nullable String reason) {
    }

    @Serdeable
    record AlertView(long id, long threadId, @Nullable String number, @Nullable Integer reportNo, String status,
                     CodeLabel importance, TlpView tlp, @Nullable String specialRemarks, String title,
                     @Nullable String outline, @Nullable String targets, @Nullable String handling,
                     @Nullable String otherInfo, boolean annex, List<Attachments.Attachment> attachments,
                     String inquiryHeading, @Nullable String inquiryContact, @Nullable String recipientsLine,
                     @Nullable Instant providedAt, @Nullable String providedAtText, Origin origin,
                     @Nullable Withdrawal withdrawn, Instant updatedAt, long version, Reading reading,
                     @Nullable List<Audiences.AudienceView> audience) {
        String etag() {
            return AlertViews.etag(id, version);
        }
    }

    /** A line of the inbox: the newest report of a thread the reader may read, without its body. */
    @Serdeable
    record AlertSummary(long id, @Nullable String number, @Nullable Integer reportNo, String status,
                        CodeLabel importance, TlpView tlp, String title, @Nullable Instant providedAt,
                        @Nullable String providedAtText, Origin origin, boolean opened,
                        @Nullable String acknowledgement) {
    }

    @Serdeable
    record ThreadSummary(long threadId, int reports, int unread, Instant lastProvidedAt, AlertSummary latest) {
    }

    @Serdeable
    record Tombstone(long id, boolean deleted) {
    }

    private final TenantDirectory tenants;
    private final NationalOrganisations national;
    private final Attachments attachments;
    private final Acknowledgements acknowledgements;
    private final Audiences audiences;
    private final AlertStore store;
    private final TlpWording wording;

    AlertViews(TenantDirectory tenants, NationalOrganisations national, Attachments attachments,
               Acknowledgements acknowledgements, Audiences audiences, AlertStore store, TlpWording wording) {
        this.wording = wording;
        this.tenants = tenants;
        this.national = national;
        this.attachments = attachments;
        this.acknowledgements = acknowledgements;
        this.audiences = audiences;
        this.store = store;
    }

    static String etag(long id, long version) {
        return ETags.of("alert", id, version);
    }

    AlertView view(Viewer viewer, AlertRow a, Labels lang) {
        return views(viewer, List.of(a), lang).getFirst();
    }

    List<AlertView> views(Viewer viewer, List<AlertRow> rows, Labels lang) {
        Map<Long, List<Attachments.Attachment>> files = attachments.of(rows);
        Map<Long, Acknowledgements.ViewerGrant> grants = acknowledgements.grantsOf(viewer,
                rows.stream().map(AlertRow::id).toList());
        List<AlertView> out = new ArrayList<>();
        for (AlertRow a : rows) {
            Acknowledgements.ViewerGrant g = grants.get(a.id());
            List<Audiences.AudienceView> audience = a.viewerIsOrigin()
                    ? audiences.describe(a.tenantId(), store.rules(a.tenantId(), a.id(), null), lang) : null;
            out.add(new AlertView(a.id(), a.threadId(), a.number(), a.reportNo(), a.status(), importance(a, lang),
                    tlp(a.effectiveTlp()), a.specialRemarks(), a.title(), a.outline(), a.targets(), a.handling(),
                    a.otherInfo(), a.annex(), files.getOrDefault(a.id(), List.of()),
                    AlertSettings.inquiryHeading(a.origin().kind() == OrgRef.Kind.NATIONAL), a.inquiryContact(),
                    a.recipientsLine(), a.sentAt(), providedAtText(a.sentAt(), lang), origin(a, lang),
                    a.withdrawnAt() == null ? null : new Withdrawal(a.withdrawnAt(), a.withdrawnReason()),
                    a.updatedAt(), a.version(), reading(viewer, a, g, lang), audience));
        }
        return out;
    }

    AlertSummary summary(AlertRow a, Acknowledgements.ViewerGrant g, Labels lang) {
        Acknowledgements.Grant first = g.first();
        return new AlertSummary(a.id(), a.number(), a.reportNo(), a.status(), importance(a, lang),
                tlp(a.effectiveTlp()), a.title(), a.sentAt(), providedAtText(a.sentAt(), lang), origin(a, lang),
                a.viewerIsOrigin() || g.openedAt() != null, first == null ? null : first.ackState());
    }

    Map<Long, Acknowledgements.ViewerGrant> grants(Viewer viewer, List<AlertRow> rows) {
        return acknowledgements.grantsOf(viewer, rows.stream().map(AlertRow::id).toList());
    }

    private Reading reading(Viewer viewer, AlertRow a, Acknowledgements.ViewerGrant g, Labels lang) {
        Acknowledgements.Grant first = g.first();
        boolean wholeOrganisation = g.grants().stream().anyMatch(x -> "ORG".equals(x.addressed()));
        String relation = a.viewerIsOrigin() ? "ORIGINATOR" : g.named() ? "NAMED" : "ADDRESSED";
        String passedOnBy = null;
        if (!a.viewerIsOrigin() && !g.named() && g.grants().stream().allMatch(x -> x.passOnId() > 0)) {
            passedOnBy = g.grants().stream().findFirst().flatMap(x -> store.passOn(x.passOnId()))
                    .map(p -> organisationName(p.tenantId(), p.org(), lang)).orElse(null);
        }
        Acknowledgement ack = first == null ? null
                : new Acknowledgement(first.ackState(), first.ackedAt(), first.ackedByName());
        return new Reading(relation, passedOnBy, g.openedAt(), ack,
                a.sent() && first != null && "OPEN".equals(first.ackState()),
                a.sent() && viewer.passer() && wholeOrganisation && a.effectiveTlp() != Tlp.RED && !a.viewerIsOrigin(),
                a.viewerIsOrigin());
    }

    private static CodeLabel importance(AlertRow a, Labels lang) {
        return new CodeLabel(a.importance().code(), a.importance().label(lang));
    }

    Origin origin(AlertRow a, Labels lang) {
        if (a.origin().kind() == OrgRef.Kind.NATIONAL) {
            return new Origin(a.origin().kind().name(), national.find(a.origin().id()).map(o -> o.name(lang))
                    .orElse("#" + a.origin().id()), null);
        }
        Tenant t = tenants.findById(a.tenantId()).orElseThrow();
        return new Origin(a.origin().kind().name(), lang.pick(t.nameJa() + " 事務局", t.nameEn() + " secretariat"),
                t.code());
    }

    private String organisationName(long tenantId, OrgRef org, Labels lang) {
        if (org.kind() == OrgRef.Kind.NATIONAL) {
            return national.find(org.id()).map(o -> o.name(lang)).orElse("#" + org.id());
        }
        return tenants.findById(tenantId).map(t -> lang.pick(t.nameJa() + " 事務局", t.nameEn() + " secretariat"))
                .orElse("#" + tenantId);
    }

    /** 情報提供日時 as the form shows it: 西暦, 24-hour, JST (decisions §5). */
    static @Nullable String providedAtText(@Nullable Instant at, Labels lang) {
        if (at == null) {
            return null;
        }
        ZonedDateTime jst = at.atZone(ClockFactory.JST);
        return lang == Labels.EN ? EN.format(jst) : JA.format(jst);
    }
}
