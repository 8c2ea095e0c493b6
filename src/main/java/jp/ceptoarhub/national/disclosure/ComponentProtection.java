package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Protects one component: redesign, primaries, greedy secondaries, and when the greedy search runs out of candidates,
 * escalation — fail closed, never publish unprotected [design note §2.5]. The failing cell's row decides: a CEPTOAR
 * row is no longer published on its own; a sector row (or a virtual group inside a published sector) is pooled into
 * その他の分野; anything else withholds the component (every published cell suppressed, only the public N remain),
 * which the audit must then pass, or the release fails.
 */
final class ComponentProtection {
    private final DisclosureParameters parameters;
    private final AuditScope scope;
    private final IndexedRequest current;
    private final List<PriorRelease> priors;
    private final Set<String> previouslySuppressed;

    /** The protected component: its final cover table, pattern, whether withheld, and the audit's bookkeeping. */
    record Result(CoverTable cover, boolean[] hidden, boolean withheld, List<String> escalations, long linearPrograms,
                  long profiles, int rounds) {
    }

    ComponentProtection(DisclosureParameters parameters, AuditScope scope, IndexedRequest current,
                        List<PriorRelease> priors, Set<String> previouslySuppressed) {
        this.parameters = parameters;
        this.scope = scope;
        this.current = current;
        this.priors = priors;
        this.previouslySuppressed = previouslySuppressed;
    }

    Result protect(List<QuestionTable> tables) {
        Set<String> pools = new LinkedHashSet<>();
        Set<String> dropped = new LinkedHashSet<>();
        List<String> escalations = new ArrayList<>();
        long linearPrograms = 0;
        long profiles = 0;
        int rounds = 0;
        while (true) {
            RowPlan plan = RowPlan.plan(current, parameters, tables.getFirst().bandBreakdown(), pools, dropped);
            CoverTable cover = new CoverTable(parameters, tables, plan, current, priors);
            PrimaryRules.apply(cover);
            LinearPrograms lp = new LinearPrograms(cover.truth);
            Audit audit = new Audit(cover, scope, lp);
            SecondarySuppression greedy = new SecondarySuppression(cover, audit, previouslySuppressed);
            SecondarySuppression.Outcome outcome = greedy.protect();
            rounds += greedy.rounds;
            profiles += audit.profilesAudited;
            if (outcome.failure() == null) {
                return new Result(cover, outcome.hidden(), false, escalations, linearPrograms + lp.solved, profiles,
                        rounds);
            }
            Cell failing = outcome.failure().cell();
            String escalation = escalate(failing, plan, pools, dropped);
            escalations.add(tables.getFirst().id() + ": " + outcome.failure().profile().key() + " could narrow "
                    + failing.key + "; " + (escalation == null ? "withheld" : escalation));
            if (escalation == null) {
                boolean[] hidden = new boolean[cover.cells.size()];
                for (Cell c : cover.cells) {
                    hidden[c.index] = c.published();
                }
                Audit.Verdict still = audit.firstFailure(hidden);
                profiles += audit.profilesAudited;
                if (still != null) {
                    throw new DisclosureException("question " + tables.getFirst().id()
                            + " cannot be protected even with every cell suppressed: " + still.profile().key()
                            + " narrows " + still.cell().key + " (" + still.cell().n + " of " + still.cell().total + ") to "
                            + still.interval());
                }
                return new Result(cover, hidden, true, escalations, linearPrograms + lp.solved, profiles, rounds);
            }
            linearPrograms += lp.solved;
        }
    }

    private static String escalate(Cell failing, RowPlan plan, Set<String> pools, Set<String> dropped) {
        Row row = failing.row;
        if (row.kind() == Row.Kind.CEPTOAR && row.published()) {
            String code = row.id().substring("CEPTOAR:".length());
            dropped.add(code);
            return "CEPTOAR row " + code + " no longer published";
        }
        for (Row r : plan.rows) {
            if (r.kind() == Row.Kind.SECTOR && r.published() && r.contains(row)) {
                String code = r.id().substring("SECTOR:".length());
                pools.add(code);
                return "sector " + code + " pooled into その他の分野";
            }
        }
        return null;
    }
}
