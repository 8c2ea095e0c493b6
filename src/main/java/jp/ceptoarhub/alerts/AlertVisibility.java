package jp.ceptoarhub.alerts;

import java.util.HashMap;
import java.util.Map;

/**
 * The one rule for who reads an alert (decisions §1, design note §2), as SQL over an {@code alert a}: every read path
 * — inbox, list, search, thread, detail, counts, delta sync, attachments, exports, STIX, the Atom feed, and the
 * notifications of the next issue — composes {@link #SQL} (and, for the sender's drafts, {@link #DRAFT}) into its
 * query. Nothing else reads alert rows; an architecture test keeps other packages off these tables.
 * <p>
 * A sent (or withdrawn) alert is readable by
 * <ol>
 * <li>the <b>originating organisation's senders</b> (its secretariat, or NISC analysts for the NISC desk),</li>
 * <li>a <b>named user</b> ({@code alert_recipient_user.named}) of the reader's own tenant, and</li>
 * <li>the users of an <b>addressed organisation</b> ({@code alert_recipient_org.addressed = 'ORG'}) of the reader's
 * own tenant, except under TLP:RED, under the label of that grant: the alert's label, or the narrower one a pass-on
 * gave it ({@code LEAST(a.tlp, tlp_cap)}),</li>
 * </ol>
 * and in every case only if the reader's affiliation may read that label: AMBER+STRICT and RED the organisation's
 * staff, AMBER also contractors under NDA, GREEN and CLEAR everyone. The anonymous reader of the public feed reads
 * sent CLEAR alerts only. Grants are looked up in the reader's tenant ({@code :vt}, from the verified token) only:
 * an alert of another tenant is reached solely through a grant row that a send or a pass-on wrote into the
 * reader's tenant. {@code :vok}/{@code :vo} (organisation) and {@code :vaff} come from the reader's database row;
 * unknown values match nothing.
 */
final class AlertVisibility {
    private AlertVisibility() {
    }

    /** The affiliation rule for a label expression: GREEN/CLEAR all, AMBER staff and NDA contractors, else staff. */
    private static String labelReadable(String tlp) {
        return "(" + tlp + " >= 4 OR :vaff = 'STAFF' OR (" + tlp + " = 3 AND :vaff = 'CONTRACTOR_NDA'))";
    }

    private static final String GRANT_LABEL = "LEAST(a.tlp, COALESCE(ro.tlp_cap, 5))";

    /** The reader sends for the organisation that originated the alert. */
    static final String ORIGIN = "(:vsender = 1 AND a.tenant_id = :vt AND a.origin_org_kind = :vok"
            + " AND a.origin_org_id = :vo AND " + labelReadable("a.tlp") + ")";

    static final String NAMED = "EXISTS (SELECT 1 FROM alert_recipient_user ru WHERE ru.tenant_id = :vt"
            + " AND ru.alert_id = a.id AND ru.origin_tenant_id = a.tenant_id AND ru.user_id = :vu AND ru.named = 1"
            + " AND " + labelReadable("a.tlp") + ")";

    private static final String ORG_GRANT = "FROM alert_recipient_org ro WHERE ro.tenant_id = :vt AND ro.alert_id = a.id"
            + " AND ro.origin_tenant_id = a.tenant_id AND ro.org_kind = :vok AND ro.org_id = :vo"
            + " AND ro.addressed = 'ORG'";

    static final String ORGANISATION = "EXISTS (SELECT 1 " + ORG_GRANT + " AND " + GRANT_LABEL + " >= 2 AND "
            + labelReadable(GRANT_LABEL) + ")";

    /** Sent and withdrawn alerts the viewer may read. */
    static final String SQL = "((:vanon = 1 AND a.status = 'SENT' AND a.tlp = 5)"
            + " OR (:vanon = 0 AND a.status IN ('SENT', 'WITHDRAWN') AND (" + ORIGIN + " OR " + NAMED + " OR "
            + ORGANISATION + ")))";

    /** Drafts: the originating organisation's senders only, under the same affiliation rule. */
    static final String DRAFT = "(:vanon = 0 AND a.status = 'DRAFT' AND " + ORIGIN + ")";

    /**
     * The label the viewer reads the alert under: the alert's own, unless the viewer reaches it only through
     * passed-on copies, whose label is the widest of those grants (never wider than the alert's).
     */
    static final String EFFECTIVE_TLP = "(CASE WHEN " + ORIGIN + " OR " + NAMED + " THEN a.tlp ELSE COALESCE((SELECT MAX("
            + GRANT_LABEL + ") " + ORG_GRANT + "), a.tlp) END)";

    /** The predicate's parameters for a viewer. */
    static Map<String, Object> params(Viewer v) {
        Map<String, Object> p = new HashMap<>();
        p.put("vanon", v.anonymous() ? 1 : 0);
        p.put("vt", v.tenantId());
        p.put("vu", v.userId());
        p.put("vok", v.org() == null ? null : v.org().kind().name());
        p.put("vo", v.org() == null ? null : v.org().id());
        p.put("vaff", v.affiliation().name());
        p.put("vsender", v.sender() ? 1 : 0);
        return p;
    }
}
