package jp.ceptoarhub.national.disclosure;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A protected release, written once: snapshot id, parameters, algorithm version, the suppression pattern and the
 * published values. {@link #json()} and {@link #csv()} are what NISC, ministries and secretariats read: a suppressed
 * number is {@code null} with {@code "suppressed": true} and nothing else. The parameters and the reason codes
 * ({@link #audit()}) are for platform admins only ({@link #auditJson()}).
 *
 * @param auditScope whom the LP audit impersonated; only {@link AuditScope#ALL_PROFILES} may be published
 */
public record Release(String releaseId, String snapshotId, String algorithmVersion, DisclosureParameters parameters,
                      AuditScope auditScope, List<GroupPopulation> population, List<TableRelease> tables,
                      List<ConcentrationRelease> concentration, ReleaseAudit audit) {

    /** A base group and its number of respondents: public (NISC knows the membership). */
    public record GroupPopulation(String groupId, String labelJa, String labelEn, String ceptoarCode,
                                  String sectorCode, boolean financeNonSettlement, long respondents) {
    }

    /**
     * One question's table.
     *
     * @param withheld every cell was suppressed because no smaller pattern could be protected (fail closed)
     */
    public record TableRelease(QuestionTable question, List<RowRelease> rows, boolean withheld) {
        public Optional<RowRelease> row(String rowId) {
            return rows.stream().filter(r -> r.rowId().equals(rowId)).findFirst();
        }
    }

    /**
     * A published row: its composition (base groups, or one band of a band dimension), N, one count per option (in
     * the question's option order; none for a band row, which publishes headline rates only) and one per headline (in
     * headline order).
     */
    public record RowRelease(String rowId, String kind, String labelJa, String labelEn, List<String> groupIds,
                             @Nullable String bandDimension, @Nullable String bandCode, Count respondents,
                             List<Count> options, List<Count> headlines) {
    }

    /** A published count, or a suppressed one ({@code value} null). */
    public record Count(@Nullable Long value, boolean suppressed) {
        public Count {
            if ((value == null) != suppressed) {
                throw new IllegalArgumentException("a count is either a value or suppressed");
            }
        }

        public static Count of(long value) {
            return new Count(value, false);
        }

        public static Count hidden() {
            return new Count(null, true);
        }
    }

    /**
     * A concentration table: the named items with the company groups, members and sectors depending on each, and the
     * number of items that are not named.
     */
    public record ConcentrationRelease(String tableId, String labelJa, String labelEn, List<NamedItem> items,
                                       String otherLabelJa, String otherLabelEn, long otherItems) {
    }

    public record NamedItem(String itemId, String label, Count units, Count members, Count sectors) {
    }

    /** What only platform admins see: why each cell is suppressed, what escalated, what the audit cost. */
    public record ReleaseAudit(List<SuppressedCell> cells, List<String> escalations, List<String> unnamedItems,
                               AuditStatistics statistics) {
    }

    /**
     * @param key       table id | row id | option ids joined by "+"
     * @param published false for a virtual primary (a derivable base group or union that is not itself published)
     */
    public record SuppressedCell(String key, Set<ReasonCode> reasons, boolean published) {
    }

    /**
     * @param linearPrograms simplex runs (a minimum or a maximum each) during protection and the final audit
     * @param profiles       distinct attacker knowledge states audited in the final audit
     */
    public record AuditStatistics(int components, int publishedCells, int primaryCells, int suppressedCells,
                                  long linearPrograms, long profiles) {
    }

    /** The release as NISC reads it: UTF-8 JSON, deterministic, no parameters and no reason codes. */
    public byte[] json() {
        return ReleaseJson.render(this);
    }

    /** The same numbers as CSV for Excel: UTF-8 with a byte-order mark, one line per published number. */
    public byte[] csv() {
        return ReleaseCsv.render(this);
    }

    /** Parameters, reason codes, escalations and statistics: for platform admins and audit only. */
    public byte[] auditJson() {
        return ReleaseJson.renderAudit(this);
    }
}
