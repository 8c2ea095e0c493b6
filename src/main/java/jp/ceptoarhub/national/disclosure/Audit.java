package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The LP audit of a suppression pattern, as every attacker profile [design note §2.4, §3.1]: NISC (every published
 * number and the public membership), each CEPTOAR's secretariat (its members' answers: its base cells exactly, its
 * share of band cells as lower bounds) and each unit (its own answers: lower bounds on the cells it is counted in).
 * <p>
 * For a profile, a cell is checked on its residual — the cell minus what the profile contributed — whenever that
 * residual fires THRESHOLD or GROUP (for NISC the residual is the cell). The residual's small side m (count, or
 * complement within the row) must keep the attacker's interval [lo, hi] wide: lo ≤ max(0, m − d) and
 * hi ≥ min(N, max(m + d, k)). A TEMPORAL cell's change since the earlier release must stay undetermined: its interval
 * holds at least two integers. A profile whose knowledge touches no free variable of NISC's system has NISC's LPs, so
 * only its residual arithmetic is redone.
 */
final class Audit {
    enum Kind { NISC, SECRETARIAT, UNIT }

    record Profile(Kind kind, int index, String key) {
        static final Profile NISC = new Profile(Kind.NISC, -1, "NISC");
    }

    /**
     * The outcome of one check: which profile, which cell (and prior release for TEMPORAL, else −1), the attacker's
     * interval of the residual's small side (of the change, for TEMPORAL) and which side is too narrow.
     */
    record Verdict(Profile profile, Cell cell, int prior, Interval interval, boolean lowFails, boolean highFails,
                   long lowTarget, long highTarget, LinearForm objective, long shift, Presolved state) {
        boolean failed() {
            return lowFails || highFails;
        }

        /** How much wider the failing side must get (at least 1). */
        long shortfall() {
            if (prior >= 0 || interval.unsafe()) {
                return 1;
            }
            long s = 1;
            if (highFails) {
                s = Math.max(s, highTarget - interval.hi());
            }
            if (lowFails) {
                s = Math.max(s, interval.lo() - lowTarget);
            }
            return s;
        }
    }

    private final CoverTable cover;
    private final DisclosureParameters parameters;
    private final AuditScope scope;
    final LinearPrograms lp;
    private final List<Profile> secretariats = new ArrayList<>();
    private final List<Profile> units = new ArrayList<>();
    /** unit index → the one CEPTOAR index all its members belong to, or −1. */
    private final int[] unitCeptoar;
    /** [cell][ceptoar]: 0 unknown, 1 the residual is safe, 2 it fires (independent of the pattern). */
    private byte[][] residualFires;
    long profilesAudited;

    Audit(CoverTable cover, AuditScope scope, LinearPrograms lp) {
        this.cover = cover;
        this.parameters = cover.parameters;
        this.scope = scope;
        this.lp = lp;
        IndexedRequest now = cover.epochs[0].data;
        boolean[] present = new boolean[cover.ceptoarCodes.size()];
        unitCeptoar = new int[cover.unitIds.size()];
        Arrays.fill(unitCeptoar, -2);
        for (int r = 0; r < now.respondentCount; r++) {
            int c = cover.ceptoarIndex.get(now.ceptoarOf[r]);
            present[c] = true;
            int u = cover.unitIndex.get(now.unitOf[r]);
            unitCeptoar[u] = unitCeptoar[u] == -2 || unitCeptoar[u] == c ? c : -1;
        }
        for (int c = 0; c < present.length; c++) {
            if (present[c]) {
                secretariats.add(new Profile(Kind.SECRETARIAT, c, "SECRETARIAT:" + cover.ceptoarCodes.get(c)));
            }
        }
        for (int u = 0; u < cover.unitIds.size(); u++) {
            units.add(new Profile(Kind.UNIT, u, "UNIT:" + cover.unitIds.get(u)));
        }
    }

    /** NISC's system: the structure and every published cell that is not hidden. */
    Presolved nisc(boolean[] hidden) {
        List<Equation> equations = new ArrayList<>(cover.structure);
        for (Cell c : cover.cells) {
            if (c.published() && !hidden[c.index]) {
                equations.add(cover.published(c));
            }
        }
        return Presolved.of(cover.variableCount, equations);
    }

    /** The first failing check in a fixed order (NISC, secretariats, units; cells by key), or null: the pattern holds. */
    Verdict firstFailure(boolean[] hidden) {
        Presolved nisc = nisc(hidden);
        profilesAudited++;
        View niscView = new View(Profile.NISC, nisc, null, null);
        for (Cell cell : cover.cells) {
            Verdict f = niscChecks(niscView, cell);
            if (f != null) {
                return f;
            }
        }
        if (scope == AuditScope.NISC_ONLY) {
            return null;
        }
        Map<Profile, Knowledge> touched = touched(nisc);
        Map<String, Presolved> states = new HashMap<>();
        long t0 = lp.solved;
        for (Profile s : secretariats) {
            Verdict f = profileChecks(new View(s, nisc, touched.get(s), states));
            if (f != null) {
                return f;
            }
        }
        long t1 = lp.solved;
        for (Profile u : units) {
            Verdict f = profileChecks(new View(u, nisc, touched.get(u), states));
            if (f != null) {
                return f;
            }
        }
        if (Boolean.getBoolean("disclosure.trace")) {
            System.err.println("audit: secretariat LPs " + (t1 - t0) + ", unit LPs " + (lp.solved - t1) + ", touched "
                    + touched.size() + ", states " + states.size() + ", free " + nisc.freeVariables());
        }
        return null;
    }

    /** The same check as a failure, on another pattern: did the failing side improve? */
    Verdict recheck(Verdict failure, boolean[] hidden) {
        Presolved nisc = nisc(hidden);
        Knowledge k = failure.profile().kind() == Kind.NISC ? null : touched(nisc).get(failure.profile());
        return evaluate(new View(failure.profile(), nisc, k, new HashMap<>()), failure.cell(), failure.prior());
    }

    /**
     * What one profile sees: NISC's state plus its knowledge, presolved only when an LP needs it — not when NISC's
     * optimal points already satisfy the knowledge.
     */
    private final class View {
        final Profile profile;
        final Presolved nisc;
        final Knowledge knowledge;
        private final Map<String, Presolved> shared;
        private Presolved state;

        View(Profile profile, Presolved nisc, Knowledge knowledge, Map<String, Presolved> shared) {
            this.profile = profile;
            this.nisc = nisc;
            this.knowledge = knowledge;
            this.shared = shared;
        }

        Presolved state() {
            if (knowledge == null) {
                return nisc;
            }
            if (state == null) {
                state = shared.computeIfAbsent(knowledge.signature(), k -> {
                    profilesAudited++;
                    return nisc.with(knowledge.exact(), knowledge.lower());
                });
            }
            return state;
        }

        Interval bounds(LinearForm objective) {
            if (knowledge == null) {
                return lp.bounds(nisc, objective);
            }
            Interval fast = lp.boundsIfUnaffected(nisc, objective, knowledge.exact(), knowledge.lower());
            return fast != null ? fast : lp.bounds(state(), objective);
        }
    }

    private Verdict niscChecks(View view, Cell cell) {
        if (cell.reasons.contains(ReasonCode.THRESHOLD) || cell.reasons.contains(ReasonCode.GROUP)) {
            Verdict f = intervalCheck(view, cell, 0, 0);
            if (f != null) {
                return f;
            }
        }
        for (int e = 0; e < cell.temporal.length; e++) {
            if (cell.temporal[e]) {
                Verdict f = temporalCheck(view, cell, e, 0);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private Verdict profileChecks(View view) {
        Profile profile = view.profile;
        boolean own = view.knowledge != null;
        for (Cell cell : cover.cells) {
            if (profile.kind() == Kind.UNIT && !cell.primary()) {
                continue;
            }
            long[] contribution = contribution(profile, cell);
            if (contribution[1] == 0) {
                if (own) {
                    Verdict f = niscChecks(view, cell);
                    if (f != null) {
                        return f;
                    }
                }
                continue;
            }
            Verdict f = evaluateResidual(view, cell, contribution);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private Verdict evaluate(View view, Cell cell, int prior) {
        long[] contribution = contribution(view.profile, cell);
        return prior >= 0 ? temporal(view, cell, prior, contribution[0])
                : interval(view, cell, contribution[0], contribution[1]);
    }

    private Verdict evaluateResidual(View view, Cell cell, long[] contribution) {
        Profile profile = view.profile;
        long n = cell.n - contribution[0];
        long total = cell.total - contribution[1];
        if (total <= 0) {
            return null;
        }
        boolean fires = profile.kind() == Kind.SECRETARIAT ? secretariatResidualFires(cell, profile.index())
                : !unitResidual(cell, profile.index(), n, total).isEmpty();
        if (fires) {
            Verdict f = intervalCheck(view, cell, contribution[0], contribution[1]);
            if (f != null) {
                return f;
            }
        }
        for (int e = 0; e < cell.temporal.length; e++) {
            if (cell.temporal[e] && unknownChanges(profile, cell, e) > 0) {
                Verdict f = temporalCheck(view, cell, e, contribution[0]);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private boolean secretariatResidualFires(Cell cell, int ceptoar) {
        if (residualFires == null) {
            residualFires = new byte[cover.cells.size()][cover.ceptoarCodes.size()];
        }
        byte b = residualFires[cell.index][ceptoar];
        if (b == 0) {
            b = PrimaryRules.residual(parameters, cell, ceptoar).isEmpty() ? (byte) 1 : (byte) 2;
            residualFires[cell.index][ceptoar] = b;
        }
        return b == 2;
    }

    private EnumSet<ReasonCode> unitResidual(Cell cell, int unit, long n, long total) {
        int pos = cell.unitPosition(unit);
        int in = cell.unitsIn() - (pos >= 0 && cell.unitCount[pos] > 0 ? 1 : 0);
        int out = cell.unitsOut() - (pos >= 0 && cell.unitPopulation[pos] > cell.unitCount[pos] ? 1 : 0);
        return PrimaryRules.fire(parameters, n, total, in, out, cell.noAnswerOnly);
    }

    /** {count, total} the profile contributed to the cell in this release. */
    private long[] contribution(Profile profile, Cell cell) {
        return switch (profile.kind()) {
            case NISC -> new long[]{0, 0};
            case SECRETARIAT -> new long[]{cell.countByCeptoar[profile.index()], cell.totalByCeptoar[profile.index()]};
            case UNIT -> {
                int pos = cell.unitPosition(profile.index());
                yield pos < 0 ? new long[]{0, 0} : new long[]{cell.unitCount[pos], cell.unitPopulation[pos]};
            }
        };
    }

    private long unknownChanges(Profile profile, Cell cell, int prior) {
        Set<Integer> changed = cell.changedUnits.get(prior);
        return switch (profile.kind()) {
            case NISC -> changed.size();
            case UNIT -> changed.size() - (changed.contains(profile.index()) ? 1 : 0);
            case SECRETARIAT -> changed.stream()
                    .filter(u -> u < 0 || unitCeptoar[u] != profile.index()).count();
        };
    }

    private Verdict intervalCheck(View view, Cell cell, long ownCount, long ownTotal) {
        Verdict v = interval(view, cell, ownCount, ownTotal);
        return v.failed() ? v : null;
    }

    private Verdict interval(View view, Cell cell, long ownCount, long ownTotal) {
        long n = cell.n - ownCount;
        long total = cell.total - ownTotal;
        boolean countSide = n <= total - n;
        LinearForm objective = countSide ? cell.count : cell.denominator.minus(cell.count);
        long ownSide = countSide ? ownCount : ownTotal - ownCount;
        Interval interval = view.bounds(objective).shift(-ownSide);
        long m = countSide ? n : total - n;
        long d = parameters.distance(m);
        long lowTarget = Math.max(0, m - d);
        long highTarget = Math.min(total, Math.max(m + d, parameters.k()));
        boolean lowFails = interval.unsafe() || interval.lo() > lowTarget;
        boolean highFails = interval.unsafe() || interval.hi() < highTarget;
        return new Verdict(view.profile, cell, -1, interval, lowFails, highFails, lowTarget, highTarget, objective,
                ownSide, lowFails || highFails ? view.state() : null);
    }

    private Verdict temporalCheck(View view, Cell cell, int prior, long ownNow) {
        Verdict v = temporal(view, cell, prior, ownNow);
        return v.failed() ? v : null;
    }

    private Verdict temporal(View view, Cell cell, int prior, long ownNow) {
        LinearForm objective = cell.count.minus(cell.priorCount[prior]);
        long ownChange = ownNow - ownPrior(view.profile, cell, prior);
        Interval interval = view.bounds(objective).shift(-ownChange);
        boolean fails = interval.unsafe() || interval.hi() - interval.lo() < 1;
        return new Verdict(view.profile, cell, prior, interval, fails, fails, interval.hi(), interval.lo() + 1,
                objective, ownChange, fails ? view.state() : null);
    }

    /** What the profile contributed to the cell's count in a prior release. */
    private long ownPrior(Profile profile, Cell cell, int prior) {
        if (profile.kind() == Kind.NISC) {
            return 0;
        }
        CoverTable.Epoch then = cover.epochs[prior + 1];
        int[][] partOf = then.partOf;
        long[] masks = then.masks[cell.table];
        if (partOf[cell.row.partition()] == null || masks == null) {
            return 0;
        }
        long own = 0;
        for (int r = 0; r < then.data.respondentCount; r++) {
            if (Arrays.binarySearch(cover.parts(cell.row), partOf[cell.row.partition()][r]) >= 0
                    && (masks[r] & cell.mask) != 0 && knows(profile, prior + 1, r)) {
                own++;
            }
        }
        return own;
    }

    private boolean knows(Profile profile, int epoch, int respondent) {
        IndexedRequest data = cover.epochs[epoch].data;
        return switch (profile.kind()) {
            case NISC -> false;
            case SECRETARIAT -> cover.ceptoarCodes.get(profile.index()).equals(data.ceptoarOf[respondent]);
            case UNIT -> cover.unitIds.get(profile.index()).equals(data.unitOf[respondent]);
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what profiles know about NISC's free variables

    /** Exact values and lower bounds a profile knows of free variables; its signature identifies its LPs. */
    record Knowledge(Map<Integer, Long> exact, Map<Integer, Long> lower) {
        String signature() {
            return exact + "/" + lower;
        }
    }

    /** Everything a profile knows about the counts: exact values of its own parts, lower bounds elsewhere. */
    Knowledge knowledgeOf(Profile profile) {
        Knowledge k = new Knowledge(new TreeMap<>(), new TreeMap<>());
        if (profile.kind() == Kind.NISC) {
            return k;
        }
        for (int v = 0; v < cover.variableCount; v++) {
            int[] info = cover.variableInfo[v];
            int[] respondents = cover.partRespondents[info[0]][info[1]][info[2]];
            long[] masks = cover.epochs[info[0]].masks[info[3]];
            long slot = cover.slotMask(info[1], info[3], info[4]);
            long known = 0;
            long matching = 0;
            for (int r : respondents) {
                if (knows(profile, info[0], r)) {
                    known++;
                    matching += (masks[r] & slot) != 0 ? 1 : 0;
                }
            }
            if (respondents.length > 0 && known == respondents.length) {
                k.exact().put(v, cover.truth[v]);
            } else if (matching > 0) {
                k.lower().put(v, matching);
            }
        }
        return k;
    }

    /** The profiles whose own answers say something about a free variable of NISC's system. */
    Map<Profile, Knowledge> touched(Presolved nisc) {
        Map<Profile, Knowledge> result = new LinkedHashMap<>();
        if (scope == AuditScope.NISC_ONLY) {
            return result;
        }
        for (int v = 0; v < nisc.variables; v++) {
            if (nisc.known[v]) {
                continue;
            }
            int[] info = cover.variableInfo[v];
            int epoch = info[0];
            int[] respondents = cover.partRespondents[epoch][info[1]][info[2]];
            long[] masks = cover.epochs[epoch].masks[info[3]];
            long slot = cover.slotMask(info[1], info[3], info[4]);
            IndexedRequest data = cover.epochs[epoch].data;
            Map<Integer, long[]> bySecretariat = new TreeMap<>();
            Map<Integer, long[]> byUnit = new TreeMap<>();
            for (int r : respondents) {
                Integer c = cover.ceptoarIndex.get(data.ceptoarOf[r]);
                Integer u = cover.unitIndex.get(data.unitOf[r]);
                boolean match = (masks[r] & slot) != 0;
                if (c != null) {
                    long[] a = bySecretariat.computeIfAbsent(c, k -> new long[2]);
                    a[0]++;
                    a[1] += match ? 1 : 0;
                }
                if (u != null) {
                    long[] a = byUnit.computeIfAbsent(u, k -> new long[2]);
                    a[0]++;
                    a[1] += match ? 1 : 0;
                }
            }
            int variable = v;
            bySecretariat.forEach((c, a) -> note(result, secretariatProfile(c), variable, a, respondents.length, nisc));
            byUnit.forEach((u, a) -> note(result, units.get(u), variable, a, respondents.length, nisc));
        }
        return result;
    }

    private Profile secretariatProfile(int ceptoar) {
        for (Profile p : secretariats) {
            if (p.index() == ceptoar) {
                return p;
            }
        }
        return new Profile(Kind.SECRETARIAT, ceptoar, "SECRETARIAT:" + cover.ceptoarCodes.get(ceptoar));
    }

    private void note(Map<Profile, Knowledge> result, Profile profile, int variable, long[] counts, int partSize,
                      Presolved nisc) {
        boolean exact = counts[0] == partSize;
        if (!exact && counts[1] <= nisc.lower[variable]) {
            return;
        }
        Knowledge k = result.computeIfAbsent(profile, p -> new Knowledge(new TreeMap<>(), new TreeMap<>()));
        if (exact) {
            k.exact().put(variable, cover.truth[variable]);
        } else {
            k.lower().put(variable, counts[1]);
        }
    }
}
