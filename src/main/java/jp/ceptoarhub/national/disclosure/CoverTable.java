package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cover table of one component (a question and the questions conditional on it) [TAU §2.11]: the base cells as
 * variables, every relation the attacker knows as an equation, and every cell the primary rules look at.
 * <p>
 * Variables are counts per epoch (0 = this release, i = the i-th prior release), partition (base groups, or the
 * bands of one dimension), part, table and slot (an option; for multiple choice also an "any of these options"
 * count per headline or condition, which no option cell determines). The structure says what the catalogue says:
 * single-choice options of a part sum to its N; a multiple-choice option is at most N, every respondent is counted in
 * at least one option, an exclusive option excludes the others, "any of S" lies between the largest and the sum of
 * its options; a conditional table's N is its parent's count over the condition; the band partition and the base
 * groups add up to the same totals; a prior release's published cells hold over its own variables, which equal this
 * release's wherever a part's respondents and answers did not change and differ by at most the number of changed
 * respondents elsewhere. Cells are created for every published row and every virtual row; the equations of this
 * release's published cells are not part of {@link #structure}: which of them the attacker sees depends on the
 * suppression pattern.
 */
final class CoverTable {
    final DisclosureParameters parameters;
    final List<QuestionTable> tables;
    final RowPlan plan;
    final Epoch[] epochs;
    final int partitions;
    final List<List<String>> partKeys;
    final long[][] tallies;
    final long[][] anys;
    /** Per table: what a band part counts (the root question's headlines; nothing for the other tables). */
    final long[][] bandTallies;
    final int variableCount;
    final long[] truth;
    /** var → {epoch, partition, part, table, slot}. */
    final int[][] variableInfo;
    final List<Equation> structure = new ArrayList<>();
    final List<Cell> cells = new ArrayList<>();
    final Map<String, Cell> byKey = new HashMap<>();
    final List<int[]> relations = new ArrayList<>();
    final List<String> unitIds;
    final Map<String, Integer> unitIndex = new HashMap<>();
    final List<String> ceptoarCodes;
    final Map<String, Integer> ceptoarIndex = new HashMap<>();
    /** [epoch][partition][part] → respondent indices of that epoch. */
    final int[][][][] partRespondents;
    private final int[][][][][] vars;
    private final Map<String, int[]> rowParts = new HashMap<>();
    private final int[] respondentUnit;
    private final int[] respondentCeptoar;
    private final int[] scratchCount;
    private final int[] scratchPopulation;
    private final int[] scratchIn;
    private final int[] scratchOut;

    /** One release's data inside the component. */
    static final class Epoch {
        final IndexedRequest data;
        final Release release;
        /** Answer masks per component table; null when the table is not comparable with this release's. */
        final long[][] masks;
        /** [partition][respondent] → part; a null row when the partition does not exist in this epoch. */
        final int[][] partOf;

        Epoch(IndexedRequest data, Release release, long[][] masks, int[][] partOf) {
            this.data = data;
            this.release = release;
            this.masks = masks;
            this.partOf = partOf;
        }
    }

    CoverTable(DisclosureParameters parameters, List<QuestionTable> tables, RowPlan plan, IndexedRequest current,
               List<PriorRelease> priors) {
        this.parameters = parameters;
        this.tables = List.copyOf(tables);
        this.plan = plan;
        QuestionTable root = tables.getFirst();
        List<Population.BandDimension> dims = root.bandBreakdown() ? current.population.bandDimensions() : List.of();
        this.partitions = 1 + dims.size();
        this.ceptoarCodes = current.population.ceptoars().stream().map(Population.Ceptoar::code).toList();
        for (int i = 0; i < ceptoarCodes.size(); i++) {
            ceptoarIndex.put(ceptoarCodes.get(i), i);
        }
        this.unitIds = List.copyOf(new TreeSet<>(Arrays.asList(current.unitOf)));
        for (int i = 0; i < unitIds.size(); i++) {
            unitIndex.put(unitIds.get(i), i);
        }
        respondentUnit = new int[current.respondentCount];
        respondentCeptoar = new int[current.respondentCount];
        for (int r = 0; r < current.respondentCount; r++) {
            respondentUnit[r] = unitIndex.get(current.unitOf[r]);
            respondentCeptoar[r] = ceptoarIndex.get(current.ceptoarOf[r]);
        }
        scratchCount = new int[unitIds.size()];
        scratchPopulation = new int[unitIds.size()];
        scratchIn = new int[unitIds.size()];
        scratchOut = new int[unitIds.size()];

        // parts: this release's groups and bands first, then those only earlier releases had
        List<List<String>> keys = new ArrayList<>();
        List<String> groupKeys = new ArrayList<>(current.population.groups().stream().map(Population.BaseGroup::id).toList());
        for (PriorRelease p : priors) {
            p.request().population().groups().forEach(g -> addNew(groupKeys, g.id()));
        }
        keys.add(groupKeys);
        // a band part is a band within a base group: NISC knows every member's staff size and capital, so it knows
        // how many respondents of each group are in each band (A12 of the design note)
        for (int d = 0; d < dims.size(); d++) {
            Set<String> pairs = new TreeSet<>();
            collectBandParts(current, dims.get(d).id(), pairs);
            for (PriorRelease p : priors) {
                collectBandParts(new IndexedRequest(p.request()), dims.get(d).id(), pairs);
            }
            keys.add(new ArrayList<>(pairs));
        }
        this.partKeys = List.copyOf(keys);

        epochs = new Epoch[1 + priors.size()];
        epochs[0] = epoch(current, null, null, dims);
        for (int e = 0; e < priors.size(); e++) {
            epochs[e + 1] = epoch(new IndexedRequest(priors.get(e).request()), priors.get(e).release(), current, dims);
        }
        partRespondents = new int[epochs.length][partitions][][];
        for (int e = 0; e < epochs.length; e++) {
            for (int p = 0; p < partitions; p++) {
                if (epochs[e].partOf[p] == null) {
                    continue;
                }
                List<List<Integer>> lists = new ArrayList<>();
                for (int i = 0; i < partKeys.get(p).size(); i++) {
                    lists.add(new ArrayList<>());
                }
                for (int r = 0; r < epochs[e].data.respondentCount; r++) {
                    lists.get(epochs[e].partOf[p][r]).add(r);
                }
                partRespondents[e][p] = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new);
            }
        }

        tallies = new long[tables.size()][];
        anys = new long[tables.size()][];
        bandTallies = new long[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            QuestionTable q = tables.get(t);
            Set<Long> cellMasks = new LinkedHashSet<>();
            for (int i = 0; i < q.options().size(); i++) {
                cellMasks.add(1L << i);
            }
            q.headlines().forEach(h -> cellMasks.add(q.mask(h.optionIds())));
            for (QuestionTable child : tables) {
                if (child.condition() != null && child.condition().questionId().equals(q.id())) {
                    cellMasks.add(q.mask(child.condition().optionIds()));
                }
            }
            tallies[t] = cellMasks.stream().mapToLong(Long::longValue).toArray();
            // a count over several options is a variable of its own (multiple choice: "any of"; single choice: their
            // sum), so that a published headline fixes one variable and presolve can split what it links
            Set<Long> anyMasks = new LinkedHashSet<>(cellMasks);
            for (PriorRelease p : priors) {
                for (QuestionTable pq : p.request().questions()) {
                    if (pq.id().equals(q.id()) && comparable(q, pq)) {
                        pq.headlines().forEach(h -> anyMasks.add(q.mask(h.optionIds())));
                    }
                    if (pq.condition() != null && pq.condition().questionId().equals(q.id())) {
                        anyMasks.add(q.mask(pq.condition().optionIds()));
                    }
                }
            }
            anyMasks.removeIf(m -> Long.bitCount(m) < 2);
            anys[t] = anyMasks.stream().mapToLong(Long::longValue).toArray();
            bandTallies[t] = t == 0 && partitions > 1
                    ? q.headlines().stream().mapToLong(h -> q.mask(h.optionIds())).distinct().toArray() : new long[0];
        }

        // variables
        vars = new int[epochs.length][partitions][][][];
        List<int[]> info = new ArrayList<>();
        for (int e = 0; e < epochs.length; e++) {
            for (int p = 0; p < partitions; p++) {
                if (epochs[e].partOf[p] == null) {
                    continue;
                }
                vars[e][p] = new int[partKeys.get(p).size()][tables.size()][];
                for (int part = 0; part < partKeys.get(p).size(); part++) {
                    for (int t = 0; t < tables.size(); t++) {
                        if (epochs[e].masks[t] == null) {
                            continue;
                        }
                        int slots = p == 0 ? tables.get(t).options().size() + anys[t].length : bandTallies[t].length;
                        if (slots == 0) {
                            continue;
                        }
                        vars[e][p][part][t] = new int[slots];
                        for (int s = 0; s < slots; s++) {
                            vars[e][p][part][t][s] = info.size();
                            info.add(new int[]{e, p, part, t, s});
                        }
                    }
                }
            }
        }
        variableCount = info.size();
        variableInfo = info.toArray(int[][]::new);
        truth = new long[variableCount];
        for (int v = 0; v < variableCount; v++) {
            int[] i = variableInfo[v];
            long[] masks = epochs[i[0]].masks[i[3]];
            long slotMask = slotMask(i[1], i[3], i[4]);
            long count = 0;
            for (int r : partRespondents[i[0]][i[1]][i[2]]) {
                if ((masks[r] & slotMask) != 0) {
                    count++;
                }
            }
            truth[v] = count;
        }
        buildStructure();
        buildCells();
        buildRelations();
        for (Equation eq : structure) {
            if (!eq.holds(truth)) {
                throw new IllegalStateException("cover table of " + root.id() + " contradicts its own data: " + eq);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // epochs

    private Epoch epoch(IndexedRequest data, Release release, IndexedRequest current,
                        List<Population.BandDimension> dims) {
        long[][] masks = new long[tables.size()][];
        for (int t = 0; t < tables.size(); t++) {
            QuestionTable q = tables.get(t);
            if (release == null) {
                masks[t] = data.masks(q.id());
                continue;
            }
            QuestionTable prior = data.request.questions().stream().filter(pq -> pq.id().equals(q.id())).findFirst()
                    .orElse(null);
            boolean parentPresent = q.condition() == null || masks[tableIndex(q.condition().questionId())] != null;
            boolean published = release.tables().stream().anyMatch(tr -> tr.question().id().equals(q.id()));
            if (prior != null && comparable(q, prior) && parentPresent && published) {
                masks[t] = data.masks(q.id());
            }
        }
        int[][] partOf = new int[partitions][];
        partOf[0] = new int[data.respondentCount];
        for (int r = 0; r < data.respondentCount; r++) {
            partOf[0][r] = partKeys.get(0).indexOf(data.population.groups().get(data.groupOf[r]).id());
        }
        for (int d = 0; d < dims.size(); d++) {
            String dimId = dims.get(d).id();
            List<Population.BandDimension> own = data.population.bandDimensions();
            int ownIndex = -1;
            for (int i = 0; i < own.size(); i++) {
                if (own.get(i).id().equals(dimId)) {
                    ownIndex = i;
                }
            }
            if (ownIndex < 0) {
                continue;
            }
            partOf[d + 1] = new int[data.respondentCount];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < partKeys.get(d + 1).size(); i++) {
                index.put(partKeys.get(d + 1).get(i), i);
            }
            for (int r = 0; r < data.respondentCount; r++) {
                partOf[d + 1][r] = index.get(bandPart(data, ownIndex, r));
            }
        }
        return new Epoch(data, release, masks, partOf);
    }

    /** Same id, same kind of choice, the same options in the same order and the same condition. */
    static boolean comparable(QuestionTable a, QuestionTable b) {
        return a.id().equals(b.id()) && a.choice() == b.choice()
                && a.options().stream().map(QuestionTable.Option::id).toList()
                .equals(b.options().stream().map(QuestionTable.Option::id).toList())
                && Objects.equals(a.condition() == null ? null : a.condition().questionId(),
                b.condition() == null ? null : b.condition().questionId())
                && Objects.equals(a.condition() == null ? null : Set.copyOf(a.condition().optionIds()),
                b.condition() == null ? null : Set.copyOf(b.condition().optionIds()));
    }

    private static void collectBandParts(IndexedRequest data, String dimension, Set<String> pairs) {
        List<Population.BandDimension> own = data.population.bandDimensions();
        for (int d = 0; d < own.size(); d++) {
            if (own.get(d).id().equals(dimension)) {
                for (int r = 0; r < data.respondentCount; r++) {
                    pairs.add(bandPart(data, d, r));
                }
            }
        }
    }

    /** The band part of a respondent: band code and base group id, e.g. "300m-or-more|AIRPORT_CEPTOAR". */
    private static String bandPart(IndexedRequest data, int dimension, int respondent) {
        return data.population.bandDimensions().get(dimension).bands().get(data.bandOf[dimension][respondent]).code()
                + "|" + data.population.groups().get(data.groupOf[respondent]).id();
    }

    private static String bandOfPart(String partKey) {
        return partKey.substring(0, partKey.indexOf('|'));
    }

    private static String groupOfPart(String partKey) {
        return partKey.substring(partKey.indexOf('|') + 1);
    }

    /** The parts a row adds up: a group row its groups, a band row the band within every group. */
    int[] parts(Row row) {
        if (row.partition() == 0) {
            return row.parts();
        }
        return rowParts.computeIfAbsent(row.id(), id -> bandParts(row.partition(), epochs[0].data.population
                .bandDimensions().get(row.partition() - 1).bands().get(row.parts()[0]).code()));
    }

    int[] bandParts(int partition, String band) {
        List<String> keys = partKeys.get(partition);
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (bandOfPart(keys.get(i)).equals(band)) {
                parts.add(i);
            }
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addNew(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    int tableIndex(String questionId) {
        for (int t = 0; t < tables.size(); t++) {
            if (tables.get(t).id().equals(questionId)) {
                return t;
            }
        }
        return -1;
    }

    int parentTable(int t) {
        QuestionTable q = tables.get(t);
        return q.condition() == null ? -1 : tableIndex(q.condition().questionId());
    }

    long conditionMask(int t) {
        QuestionTable q = tables.get(t);
        return tables.get(parentTable(t)).mask(q.condition().optionIds());
    }

    /**
     * The options a slot counts: for a base group, slot i &lt; options = option i, beyond an "any of" mask; for a band
     * part, a headline.
     */
    long slotMask(int partition, int t, int slot) {
        if (partition > 0) {
            return bandTallies[t][slot];
        }
        int options = tables.get(t).options().size();
        return slot < options ? 1L << slot : anys[t][slot - options];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // linear forms

    boolean present(int e, int partition, int t) {
        return vars[e][partition] != null && vars[e][partition][0][t] != null;
    }

    /** Respondents of a part who chose any option of the mask, as a form over the part's variables. */
    LinearForm tally(int e, int partition, int part, int t, long mask) {
        int[] v = vars[e][partition][part][t];
        QuestionTable q = tables.get(t);
        if (partition > 0) {
            for (int slot = 0; slot < bandTallies[t].length; slot++) {
                if (bandTallies[t][slot] == mask) {
                    return LinearForm.variable(v[slot]);
                }
            }
            throw new IllegalStateException("band parts of " + q.id() + " count no headline " + mask);
        }
        if (Long.bitCount(mask) == 1) {
            return LinearForm.variable(v[Long.numberOfTrailingZeros(mask)]);
        }
        for (int a = 0; a < anys[t].length; a++) {
            if (anys[t][a] == mask) {
                return LinearForm.variable(v[q.options().size() + a]);
            }
        }
        throw new IllegalStateException("no any-variable for mask " + mask + " of " + q.id());
    }

    /** N of a part in a table: its respondents (public), or the parent's count over the condition. */
    LinearForm population(int e, int partition, int part, int t) {
        int parent = parentTable(t);
        if (parent < 0) {
            return LinearForm.constant(partRespondents[e][partition][part].length);
        }
        return tally(e, partition, part, parent, conditionMask(t));
    }

    private LinearForm sum(int e, int partition, int[] parts, int t, long mask) {
        LinearForm f = LinearForm.ZERO;
        for (int part : parts) {
            f = f.plus(tally(e, partition, part, t, mask));
        }
        return f;
    }

    private LinearForm sumPopulation(int e, int partition, int[] parts, int t) {
        LinearForm f = LinearForm.ZERO;
        for (int part : parts) {
            f = f.plus(population(e, partition, part, t));
        }
        return f;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // structure

    private void buildStructure() {
        for (int e = 0; e < epochs.length; e++) {
            for (int p = 0; p < partitions; p++) {
                if (vars[e][p] == null) {
                    continue;
                }
                for (int part = 0; part < partKeys.get(p).size(); part++) {
                    for (int t = 0; t < tables.size(); t++) {
                        if (vars[e][p][part][t] != null) {
                            partStructure(e, p, part, t);
                        }
                    }
                }
            }
            // a group's bands add up to the group
            for (int p = 1; p < partitions; p++) {
                if (vars[e][p] == null) {
                    continue;
                }
                Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
                for (int part = 0; part < partKeys.get(p).size(); part++) {
                    byGroup.computeIfAbsent(groupOfPart(partKeys.get(p).get(part)), k -> new ArrayList<>()).add(part);
                }
                for (int t = 0; t < tables.size(); t++) {
                    if (!present(e, 0, t)) {
                        continue;
                    }
                    if (!present(e, p, t)) {
                        continue;
                    }
                    for (var entry : byGroup.entrySet()) {
                        int group = partKeys.get(0).indexOf(entry.getKey());
                        for (int s = 0; s < bandTallies[t].length; s++) {
                            LinearForm bands = LinearForm.ZERO;
                            for (int part : entry.getValue()) {
                                bands = bands.plus(LinearForm.variable(vars[e][p][part][t][s]));
                            }
                            structure.add(Equation.equal(tally(e, 0, group, t, bandTallies[t][s]), bands));
                        }
                    }
                }
            }
        }
        for (int e = 1; e < epochs.length; e++) {
            linkEpoch(e);
            priorPublished(e);
        }
    }

    private void partStructure(int e, int p, int part, int t) {
        QuestionTable q = tables.get(t);
        int[] v = vars[e][p][part][t];
        LinearForm n = population(e, p, part, t);
        if (p > 0) {
            for (int slot : v) {
                structure.add(Equation.atMost(LinearForm.variable(slot), n));
            }
            return;
        }
        int options = q.options().size();
        if (q.choice() == QuestionTable.Choice.SINGLE) {
            LinearForm all = LinearForm.ZERO;
            for (int i = 0; i < options; i++) {
                all = all.plus(LinearForm.variable(v[i]));
            }
            structure.add(Equation.equal(all, n));
            for (int a = 0; a < anys[t].length; a++) {
                LinearForm sum = LinearForm.ZERO;
                for (int i = 0; i < options; i++) {
                    if ((anys[t][a] & (1L << i)) != 0) {
                        sum = sum.plus(LinearForm.variable(v[i]));
                    }
                }
                structure.add(Equation.equal(LinearForm.variable(v[options + a]), sum));
            }
            return;
        }
        long exclusive = q.exclusiveMask();
        long everything = (1L << options) - 1;
        LinearForm all = LinearForm.ZERO;
        LinearForm excl = LinearForm.ZERO;
        for (int i = 0; i < options; i++) {
            all = all.plus(LinearForm.variable(v[i]));
            if ((exclusive & (1L << i)) != 0) {
                excl = excl.plus(LinearForm.variable(v[i]));
            }
        }
        structure.add(Equation.atMost(n, all));
        for (int i = 0; i < options; i++) {
            if ((exclusive & (1L << i)) == 0) {
                structure.add(Equation.atMost(excl.plus(LinearForm.variable(v[i])), n));
            } else {
                structure.add(Equation.atMost(LinearForm.variable(v[i]), n));
            }
        }
        if (exclusive != 0) {
            structure.add(Equation.atMost(excl, n));
        }
        for (int a = 0; a < anys[t].length; a++) {
            long s = anys[t][a];
            LinearForm any = LinearForm.variable(v[options + a]);
            LinearForm sum = LinearForm.ZERO;
            for (int i = 0; i < options; i++) {
                if ((s & (1L << i)) != 0) {
                    sum = sum.plus(LinearForm.variable(v[i]));
                    structure.add(Equation.atMost(LinearForm.variable(v[i]), any));
                }
            }
            structure.add(Equation.atMost(any, sum));
            structure.add(Equation.atMost(any, n));
            if ((s & exclusive) == 0 && exclusive != 0) {
                if ((s | exclusive) == everything) {
                    structure.add(Equation.equal(any.plus(excl), n));
                } else {
                    structure.add(Equation.atMost(any.plus(excl), n));
                }
            }
        }
    }

    /** Respondent ids of a prior epoch that joined, left, moved part or changed an answer of a comparable table. */
    private Set<String> changedRespondents(int e, int partition) {
        Epoch now = epochs[0];
        Epoch then = epochs[e];
        Set<String> changed = new TreeSet<>();
        for (int r = 0; r < now.data.respondentCount; r++) {
            Integer old = then.data.respondentIndex.get(now.data.respondentIds[r]);
            if (old == null || differs(now, r, then, old, partition)) {
                changed.add(now.data.respondentIds[r]);
            }
        }
        for (int r = 0; r < then.data.respondentCount; r++) {
            if (!now.data.respondentIndex.containsKey(then.data.respondentIds[r])) {
                changed.add(then.data.respondentIds[r]);
            }
        }
        return changed;
    }

    private boolean differs(Epoch now, int r, Epoch then, int old, int partition) {
        if (now.partOf[0][r] != then.partOf[0][old]) {
            return true;
        }
        if (partition > 0 && (then.partOf[partition] == null || now.partOf[partition][r] != then.partOf[partition][old])) {
            return true;
        }
        for (int t = 0; t < tables.size(); t++) {
            if (then.masks[t] != null && now.masks[t][r] != then.masks[t][old]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Links a prior release's variables to this release's, part by part: equal where nobody joined, left or changed
     * an answer; otherwise a count can have grown by at most the joiners and changers and shrunk by at most the
     * leavers and changers.
     */
    private void linkEpoch(int e) {
        Epoch now = epochs[0];
        Epoch then = epochs[e];
        for (int p = 0; p < partitions; p++) {
            if (vars[e][p] == null) {
                continue;
            }
            for (int part = 0; part < partKeys.get(p).size(); part++) {
                Set<String> before = new HashSet<>();
                for (int r : partRespondents[e][p][part]) {
                    before.add(then.data.respondentIds[r]);
                }
                long joined = 0;
                long changed = 0;
                Set<String> after = new HashSet<>();
                for (int r : partRespondents[0][p][part]) {
                    String id = now.data.respondentIds[r];
                    after.add(id);
                    if (!before.contains(id)) {
                        joined++;
                    } else if (answersDiffer(r, then, then.data.respondentIndex.get(id))) {
                        changed++;
                    }
                }
                long left = before.stream().filter(id -> !after.contains(id)).count();
                for (int t = 0; t < tables.size(); t++) {
                    if (vars[e][p][part][t] == null) {
                        continue;
                    }
                    for (int s = 0; s < vars[e][p][part][t].length; s++) {
                        LinearForm current = LinearForm.variable(vars[0][p][part][t][s]);
                        LinearForm prior = LinearForm.variable(vars[e][p][part][t][s]);
                        if (joined + left + changed == 0) {
                            structure.add(Equation.equal(current, prior));
                        } else {
                            structure.add(Equation.atMost(current.minus(prior), LinearForm.constant(joined + changed)));
                            structure.add(Equation.atMost(prior.minus(current), LinearForm.constant(left + changed)));
                        }
                    }
                }
            }
        }
    }

    private boolean answersDiffer(int r, Epoch then, int old) {
        for (int t = 0; t < tables.size(); t++) {
            if (then.masks[t] != null && epochs[0].masks[t][r] != then.masks[t][old]) {
                return true;
            }
        }
        return false;
    }

    private void priorPublished(int e) {
        Release release = epochs[e].release;
        for (Release.TableRelease tr : release.tables()) {
            int t = tableIndex(tr.question().id());
            if (t < 0 || epochs[e].masks[t] == null) {
                continue;
            }
            QuestionTable q = tables.get(t);
            for (Release.RowRelease row : tr.rows()) {
                int partition = 0;
                int[] parts;
                if (row.bandDimension() != null) {
                    partition = -1;
                    for (int d = 1; d < partitions; d++) {
                        if (epochs[0].data.population.bandDimensions().get(d - 1).id().equals(row.bandDimension())) {
                            partition = d;
                        }
                    }
                    if (partition < 0 || vars[e][partition] == null) {
                        continue;
                    }
                    parts = bandParts(partition, row.bandCode());
                } else {
                    parts = row.groupIds().stream().mapToInt(g -> partKeys.get(0).indexOf(g)).sorted().toArray();
                }
                for (int i = 0; i < row.options().size(); i++) {
                    addPublished(e, partition, parts, t, 1L << i, row.options().get(i));
                }
                for (int h = 0; h < row.headlines().size(); h++) {
                    addPublished(e, partition, parts, t, q.mask(tr.question().headlines().get(h).optionIds()),
                            row.headlines().get(h));
                }
                if (q.condition() != null) {
                    addPublished(e, partition, parts, parentTable(t), conditionMask(t), row.respondents());
                }
            }
        }
    }

    private void addPublished(int e, int partition, int[] parts, int t, long mask, Release.Count count) {
        boolean counted = partition == 0 || Arrays.stream(bandTallies[t]).anyMatch(m -> m == mask);
        if (!count.suppressed() && counted && present(e, partition, t)) {
            structure.add(Equation.equal(sum(e, partition, parts, t, mask), LinearForm.constant(count.value())));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // cells

    String tallyKey(int t, long mask) {
        List<String> ids = new ArrayList<>();
        List<QuestionTable.Option> options = tables.get(t).options();
        for (int i = 0; i < options.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                ids.add(options.get(i).id());
            }
        }
        return String.join("+", ids);
    }

    static String key(String tableId, String rowId, String tallyKey) {
        return tableId + "|" + rowId + "|" + tallyKey;
    }

    private void buildCells() {
        List<Set<String>> changedByPrior = new ArrayList<>();
        for (int e = 1; e < epochs.length; e++) {
            changedByPrior.add(changedRespondents(e, 0));
        }
        for (Row row : plan.rows) {
            if (row.partition() >= partitions) {
                continue;
            }
            List<Set<Integer>> changedUnits = new ArrayList<>();
            for (int e = 1; e < epochs.length; e++) {
                changedUnits.add(changedUnits(e, row, row.partition() == 0 ? changedByPrior.get(e - 1)
                        : changedRespondents(e, row.partition())));
            }
            for (int t = 0; t < tables.size(); t++) {
                for (long mask : row.partition() == 0 ? tallies[t] : bandTallies[t]) {
                    cells.add(cell(row, t, mask, changedUnits));
                }
            }
        }
        cells.sort((a, b) -> a.key.compareTo(b.key));
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).index = i;
            byKey.put(cells.get(i).key, cells.get(i));
        }
    }

    private Set<Integer> changedUnits(int e, Row row, Set<String> changed) {
        Set<Integer> units = new TreeSet<>();
        int unitFallback = -1;
        for (String id : changed) {
            Integer now = epochs[0].data.respondentIndex.get(id);
            Integer then = epochs[e].data.respondentIndex.get(id);
            boolean inRow = (now != null && Arrays.binarySearch(parts(row), epochs[0].partOf[row.partition()][now]) >= 0)
                    || (then != null && epochs[e].partOf[row.partition()] != null
                    && Arrays.binarySearch(parts(row), epochs[e].partOf[row.partition()][then]) >= 0);
            if (!inRow) {
                continue;
            }
            String unit = now != null ? epochs[0].data.unitOf[now] : epochs[e].data.unitOf[then];
            Integer u = unitIndex.get(unit);
            units.add(u != null ? u : unitFallback--);
        }
        return units;
    }

    private Cell cell(Row row, int t, long mask, List<Set<Integer>> changedUnits) {
        int partition = row.partition();
        QuestionTable q = tables.get(t);
        LinearForm count = sum(0, partition, parts(row), t, mask);
        LinearForm denominator = sumPopulation(0, partition, parts(row), t);
        long[] masks = epochs[0].masks[t];
        int[] countByCeptoar = new int[ceptoarCodes.size()];
        int[] totalByCeptoar = new int[ceptoarCodes.size()];
        // scratch arrays indexed by unit, reset through the list of units touched
        List<Integer> touched = new ArrayList<>();
        long n = 0;
        long total = 0;
        for (int part : parts(row)) {
            for (int r : partRespondents[0][partition][part]) {
                if (masks[r] == 0) {
                    continue;
                }
                int u = respondentUnit[r];
                int c = respondentCeptoar[r];
                if (scratchPopulation[u] == 0) {
                    touched.add(u);
                    scratchIn[u] = -2;
                    scratchOut[u] = -2;
                }
                scratchPopulation[u]++;
                total++;
                totalByCeptoar[c]++;
                if ((masks[r] & mask) != 0) {
                    scratchCount[u]++;
                    n++;
                    countByCeptoar[c]++;
                    scratchIn[u] = scratchIn[u] == -2 || scratchIn[u] == c ? c : -1;
                } else {
                    scratchOut[u] = scratchOut[u] == -2 || scratchOut[u] == c ? c : -1;
                }
            }
        }
        int[] units = touched.stream().mapToInt(Integer::intValue).sorted().toArray();
        int size = units.length;
        int[] unitCount = new int[size];
        int[] unitPopulation = new int[size];
        int[] in = new int[size];
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            int u = units[i];
            unitCount[i] = scratchCount[u];
            unitPopulation[i] = scratchPopulation[u];
            in[i] = scratchIn[u];
            out[i] = scratchOut[u];
            scratchCount[u] = 0;
            scratchPopulation[u] = 0;
        }
        LinearForm[] priorCount = new LinearForm[epochs.length - 1];
        long[] priorN = new long[epochs.length - 1];
        long[] priorTotal = new long[epochs.length - 1];
        for (int e = 1; e < epochs.length; e++) {
            if (present(e, partition, t)) {
                priorCount[e - 1] = sum(e, partition, parts(row), t, mask);
                priorN[e - 1] = priorCount[e - 1].evaluate(truth);
                priorTotal[e - 1] = sumPopulation(e, partition, parts(row), t).evaluate(truth);
            }
        }
        int noAnswer = q.noAnswerIndex();
        return new Cell(key(q.id(), row.id(), tallyKey(t, mask)), t, row, mask, count, denominator, n, total,
                noAnswer >= 0 && mask == 1L << noAnswer, units, unitCount, unitPopulation, in, out, countByCeptoar,
                totalByCeptoar, priorCount, priorN, priorTotal, changedUnits);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // relations for the pre-pass

    private void buildRelations() {
        Map<String, int[]> unique = new LinkedHashMap<>();
        List<Row> rows = plan.rows.stream().filter(r -> r.partition() < partitions).toList();
        for (int t = 0; t < tables.size(); t++) {
            QuestionTable q = tables.get(t);
            for (Row row : rows) {
                if (q.choice() == QuestionTable.Choice.SINGLE && row.partition() == 0) {
                    List<Cell> members = new ArrayList<>();
                    for (int i = 0; i < q.options().size(); i++) {
                        members.add(cell(t, row, 1L << i));
                    }
                    if (q.condition() != null) {
                        members.add(cell(parentTable(t), row, conditionMask(t)));
                    }
                    put(unique, members);
                    for (long mask : tallies[t]) {
                        if (Long.bitCount(mask) > 1) {
                            List<Cell> headline = new ArrayList<>();
                            headline.add(cell(t, row, mask));
                            for (int i = 0; i < q.options().size(); i++) {
                                if ((mask & (1L << i)) != 0) {
                                    headline.add(cell(t, row, 1L << i));
                                }
                            }
                            put(unique, headline);
                        }
                    }
                }
            }
            List<Row> groupRows = rows.stream().filter(r -> r.partition() == 0).toList();
            for (Row whole : groupRows) {
                for (List<Row> parts : decompositions(whole, groupRows)) {
                    for (long mask : tallies[t]) {
                        List<Cell> members = new ArrayList<>();
                        members.add(cell(t, whole, mask));
                        for (Row r : parts) {
                            members.add(cell(t, r, mask));
                        }
                        put(unique, members);
                    }
                }
            }
            Row all = rows.stream().filter(r -> r.id().equals(Row.ALL)).findFirst().orElseThrow();
            for (int p = 1; p < partitions; p++) {
                int partition = p;
                List<Row> bands = rows.stream().filter(r -> r.partition() == partition).toList();
                for (long mask : bandTallies[t]) {
                    List<Cell> members = new ArrayList<>();
                    members.add(cell(t, all, mask));
                    for (Row r : bands) {
                        members.add(cell(t, r, mask));
                    }
                    put(unique, members);
                }
            }
        }
        relations.addAll(unique.values());
    }

    private Cell cell(int t, Row row, long mask) {
        return byKey.get(key(tables.get(t).id(), row.id(), tallyKey(t, mask)));
    }

    private static void put(Map<String, int[]> unique, List<Cell> members) {
        int[] indices = members.stream().mapToInt(c -> c.index).distinct().sorted().toArray();
        if (indices.length > 1) {
            unique.putIfAbsent(Arrays.toString(indices), indices);
        }
    }

    /**
     * Ways to write a row as a disjoint union of other rows: greedily from the largest sub-rows (published first),
     * and once more after taking each published sub-row first (全分野 = 全分野（金融除く） + the finance CEPTOARs).
     */
    private static List<List<Row>> decompositions(Row whole, List<Row> rows) {
        List<Row> subRows = rows.stream().filter(r -> r != whole && whole.contains(r) && !r.sameParts(whole))
                .sorted((a, b) -> a.published() != b.published() ? (a.published() ? -1 : 1)
                        : a.parts().length != b.parts().length ? b.parts().length - a.parts().length
                        : a.id().compareTo(b.id()))
                .toList();
        List<List<Row>> result = new ArrayList<>();
        cover(whole, new ArrayList<>(), subRows).ifPresent(result::add);
        for (Row first : subRows) {
            if (first.published()) {
                List<Row> start = new ArrayList<>();
                start.add(first);
                cover(whole, start, subRows).ifPresent(result::add);
            }
        }
        return result;
    }

    private static Optional<List<Row>> cover(Row whole, List<Row> chosen, List<Row> candidates) {
        Set<Integer> covered = new HashSet<>();
        chosen.forEach(r -> Arrays.stream(r.parts()).forEach(covered::add));
        for (Row r : candidates) {
            if (chosen.contains(r) || Arrays.stream(r.parts()).anyMatch(covered::contains)) {
                continue;
            }
            chosen.add(r);
            Arrays.stream(r.parts()).forEach(covered::add);
        }
        return covered.size() == whole.parts().length ? Optional.of(chosen) : Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The equation a published cell adds to the attacker's system. */
    Equation published(Cell cell) {
        return Equation.equal(cell.count, LinearForm.constant(cell.n));
    }

    String describe(int variable) {
        int[] i = variableInfo[variable];
        return "e" + i[0] + "|" + i[1] + ":" + partKeys.get(i[1]).get(i[2]) + "|" + tables.get(i[3]).id() + "|"
                + tallyKey(i[3], slotMask(i[1], i[3], i[4]));
    }
}
