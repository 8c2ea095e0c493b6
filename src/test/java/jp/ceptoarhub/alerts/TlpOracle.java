package jp.ceptoarhub.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * The specification of who reads an alert, written from the decisions table (decisions §1) in plain Java and
 * independent of the product's SQL: the expected side of the TLP matrix. {@link #rows()} is the whole matrix —
 * every label × every kind of viewer the issue lists × every read path, for a CEPTOAR's own alert and for a NISC
 * provision passed on by the secretariat — and is kept as a reviewable CSV (src/test/resources/alerts/tlp-matrix.csv).
 *
 * <pre>
 * | Label        | Who reads (inside addressed organisations)                 |
 * | RED          | only the named users the sender chose                       |
 * | AMBER+STRICT | staff of the addressed organisations (not NDA contractors)  |
 * | AMBER        | as AMBER+STRICT plus contractors/consultants under NDA      |
 * | GREEN        | every user of the addressed organisations                   |
 * | CLEAR        | every user of the addressed organisations; public Atom feed |
 * </pre>
 * The originating organisation's senders read what they sent under the same affiliation rule; a copy passed on
 * (展開) is read under the label it was passed on under; nobody else reads anything, and exports (file, STIX) stop
 * at the tenant's ceiling (AMBER by default: RED and AMBER+STRICT stay in the app).
 */
final class TlpOracle {
    private TlpOracle() {
    }

    enum Label { RED, AMBER_STRICT, AMBER, GREEN, CLEAR }

    enum Affiliation { STAFF, CONTRACTOR_NDA, CONTRACTOR, NONE }

    enum Relation { ORIGINATOR, NAMED, ADDRESSED, PASSED_ON, NONE }

    /** The two ways an alert reaches its readers. */
    enum Scenario {
        /** A CEPTOAR's secretariat addresses member M1 and names a user of member M2 (RED: the named user only). */
        CEPTOAR_ALERT,
        /** NISC addresses the sector (its CEPTOAR's secretariat, the competent ministry) and names a ministry officer
         * (RED: the named officer only); the secretariat passes it on to member M1 under the same label. */
        NISC_PROVISION
    }

    /** The kinds of viewer of issue 12. */
    enum Viewer {
        SENDER, NAMED_USER, ADDRESSED_STAFF, ADDRESSED_NDA_CONTRACTOR, ADDRESSED_CONTRACTOR, OTHER_MEMBER,
        SECRETARIAT, OTHER_CEPTOAR_SECRETARIAT, OTHER_CEPTOAR_MEMBER, NISC, COMPETENT_MINISTRY, OTHER_MINISTRY, ANONYMOUS
    }

    /** Every read path. INBOX covers both boxes; COUNTS counts received alerts. ATOM is read anonymously. */
    enum Path { INBOX, LIST, SEARCH, THREAD, DETAIL, COUNTS, DELTA, ATTACHMENT, EXPORT, STIX, ATOM }

    /** Labels within the default export ceiling (AMBER). */
    static boolean exportable(Label label) {
        return label == Label.AMBER || label == Label.GREEN || label == Label.CLEAR;
    }

    static Affiliation affiliation(Viewer v) {
        return switch (v) {
            case ADDRESSED_NDA_CONTRACTOR -> Affiliation.CONTRACTOR_NDA;
            case ADDRESSED_CONTRACTOR -> Affiliation.CONTRACTOR;
            case ANONYMOUS -> Affiliation.NONE;
            default -> Affiliation.STAFF;
        };
    }

    static Relation relation(Scenario s, Viewer v) {
        return switch (v) {
            case SENDER -> Relation.ORIGINATOR;
            case NAMED_USER -> Relation.NAMED;
            case ADDRESSED_STAFF, ADDRESSED_NDA_CONTRACTOR, ADDRESSED_CONTRACTOR ->
                    s == Scenario.CEPTOAR_ALERT ? Relation.ADDRESSED : Relation.PASSED_ON;
            // the secretariat's staff originate its alerts, and receive NISC's
            case SECRETARIAT -> s == Scenario.CEPTOAR_ALERT ? Relation.ORIGINATOR : Relation.ADDRESSED;
            // NISC analysts originate the national tier's alerts
            case NISC -> s == Scenario.NISC_PROVISION ? Relation.ORIGINATOR : Relation.NONE;
            case COMPETENT_MINISTRY -> s == Scenario.NISC_PROVISION ? Relation.ADDRESSED : Relation.NONE;
            case OTHER_MEMBER, OTHER_CEPTOAR_SECRETARIAT, OTHER_CEPTOAR_MEMBER, OTHER_MINISTRY, ANONYMOUS -> Relation.NONE;
        };
    }

    /** The decisions table. */
    static boolean canRead(Label label, Relation relation, Affiliation affiliation) {
        if (relation == Relation.NONE || affiliation == Affiliation.NONE) {
            return false;
        }
        if (label == Label.RED && relation != Relation.NAMED && relation != Relation.ORIGINATOR) {
            return false;
        }
        return switch (label) {
            case CLEAR, GREEN -> true;
            case AMBER -> affiliation == Affiliation.STAFF || affiliation == Affiliation.CONTRACTOR_NDA;
            case AMBER_STRICT, RED -> affiliation == Affiliation.STAFF;
        };
    }

    static boolean expected(Scenario s, Label label, Viewer v, Path path) {
        Relation relation = relation(s, v);
        boolean reads = canRead(label, relation, affiliation(v));
        return switch (path) {
            case ATOM -> label == Label.CLEAR;
            case COUNTS -> reads && relation != Relation.ORIGINATOR;
            case EXPORT, STIX -> reads && exportable(label);
            default -> reads;
        };
    }

    record Row(Scenario scenario, Label label, Viewer viewer, Path path, boolean expected) {
        String csv() {
            return String.join(",", scenario.name(), label.name(), viewer.name(), relation(scenario, viewer).name(),
                    affiliation(viewer).name(), path.name(), expected ? "Y" : "N");
        }
    }

    static final String HEADER = "scenario,label,viewer,relation,affiliation,path,expected";

    /** The matrix: the public feed is read by the anonymous viewer only. */
    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            for (Label l : Label.values()) {
                for (Viewer v : Viewer.values()) {
                    for (Path p : Path.values()) {
                        if (p == Path.ATOM && v != Viewer.ANONYMOUS) {
                            continue;
                        }
                        out.add(new Row(s, l, v, p, expected(s, l, v, p)));
                    }
                }
            }
        }
        return out;
    }
}
