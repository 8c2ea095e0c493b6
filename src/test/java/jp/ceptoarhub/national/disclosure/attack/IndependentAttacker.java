package jp.ceptoarhub.national.disclosure.attack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An attacker that shares no code with production's cover table: it reads the published JSON (and the earlier
 * releases' JSON), the public membership (who is in which base group, company group and size band), and as a
 * secretariat or a member the answers that profile owns; it writes its own equations from what the JSON says about
 * each table (single choice sums to N, multiple choice options are yes/no tables, exclusive options, headlines,
 * conditional denominators, band breakdowns, earlier releases) and runs the interval attack with commons-math3.
 * <p>
 * Its oracle decides what must be protected from the members' true answers by the rules of the design note, written
 * again here: every published row, every base group, CEPTOAR, sector, 全分野, 全分野（金融除く） and 金融（資金決済以外）,
 * every option, headline and condition. A finding is a cell whose (residual) small side the profile narrows to less
 * than the useful interval, or a TEMPORAL change it determines. A test passes a release only when there is none.
 */
public final class IndependentAttacker {

    /** A member as public membership knows it (its bands are public facts: staff size, capital). */
    public record Member(String id, String group, String unit, Map<String, String> bands) {
    }

    /** A published release with the snapshot behind it: the members and their true answers. */
    public record Snapshot(byte[] json, List<Member> members, Map<String, Map<String, List<String>>> answers) {
    }

    public record Rules(int k, int groupMinimum, int intervalMinimum, double intervalFraction) {
    }

    public record Finding(String profile, String cell, String detail) {
    }

    private final Rules rules;
    private final List<Epoch> epochs = new ArrayList<>();
    private final AttackerLp lp = new AttackerLp();
    private final List<OracleCell> cells = new ArrayList<>();
    long linearPrograms;

    private final class Epoch {
        final int index;
        final PublishedRelease release;
        final Map<String, Member> members = new LinkedHashMap<>();
        /** table → member → chosen options (absent: not in the table's population). */
        final Map<String, Map<String, Set<String>>> chosen = new HashMap<>();

        Epoch(int index, Snapshot snapshot) {
            this.index = index;
            this.release = PublishedRelease.parse(snapshot.json());
            snapshot.members().forEach(m -> members.put(m.id(), m));
            for (PublishedRelease.Table t : release.tables()) {
                chosen(t, snapshot.answers());
            }
        }

        private Map<String, Set<String>> chosen(PublishedRelease.Table t, Map<String, Map<String, List<String>>> answers) {
            Map<String, Set<String>> done = chosen.get(t.id());
            if (done != null) {
                return done;
            }
            Map<String, Set<String>> parent = t.conditionQuestion() == null ? null
                    : chosen(release.table(t.conditionQuestion()), answers);
            Map<String, Set<String>> result = new LinkedHashMap<>();
            for (Member m : members.values()) {
                if (parent != null) {
                    Set<String> p = parent.get(m.id());
                    if (p == null || t.conditionOptions().stream().noneMatch(p::contains)) {
                        continue;
                    }
                }
                List<String> a = answers.getOrDefault(t.id(), Map.of()).get(m.id());
                result.put(m.id(), a == null || a.isEmpty() ? Set.of(t.noAnswer()) : Set.copyOf(a));
            }
            chosen.put(t.id(), result);
            return result;
        }

        String ceptoar(Member m) {
            return release.groups().get(m.group()).ceptoar();
        }
    }

    /** A cell the oracle protects: a composition (groups, or a band) and a set of options of one table. */
    private record OracleCell(String name, String table, boolean multiple, boolean noAnswerOnly,
                              TreeMap<Integer, Integer> count, TreeMap<Integer, Integer> denominator,
                              long denominatorConstant, Set<String> contributors, Set<String> population,
                              Map<Integer, TreeMap<Integer, Integer>> priorCount, Map<Integer, long[]> priorTruth,
                              Map<Integer, Set<String>> changedUnits) {
    }

    public IndependentAttacker(Rules rules, Snapshot current, List<Snapshot> priors) {
        this.rules = rules;
        epochs.add(new Epoch(0, current));
        for (int i = 0; i < priors.size(); i++) {
            epochs.add(new Epoch(i + 1, priors.get(i)));
        }
        for (Epoch e : epochs) {
            equations(e);
        }
        for (int i = 1; i < epochs.size(); i++) {
            link(epochs.get(i));
        }
        oracle();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // variables and equations

    /** A member's part: its base group, or its band within its base group (the attacker knows both). */
    private static String part(Member m, String dimension) {
        return dimension == null ? "G:" + m.group() : "B:" + dimension + ":" + m.bands().get(dimension) + ":" + m.group();
    }

    private static String dimensionOf(String part) {
        return part.startsWith("G:") ? null : part.split(":")[1];
    }

    /** The parts of a band row: that band within every group. */
    private List<String> bandParts(Epoch e, String dimension, String band) {
        return parts(e, dimension).stream().filter(p -> p.split(":")[2].equals(band)).toList();
    }

    private Set<String> dimensions(PublishedRelease.Table t) {
        Set<String> dims = new TreeSet<>();
        t.rows().stream().filter(r -> r.dimension() != null).forEach(r -> dims.add(r.dimension()));
        return dims;
    }

    private List<String> parts(Epoch e, String dimension) {
        Set<String> parts = new TreeSet<>();
        if (dimension == null) {
            e.release.groups().keySet().forEach(g -> parts.add("G:" + g));
        }
        e.members.values().forEach(m -> parts.add(part(m, dimension)));
        return new ArrayList<>(parts);
    }

    private List<List<String>> anySets(Epoch e, PublishedRelease.Table t) {
        List<List<String>> sets = new ArrayList<>();
        if (!t.multiple()) {
            return sets;
        }
        for (List<String> h : t.headlines().values()) {
            addSet(sets, t, h);
        }
        for (PublishedRelease.Table child : e.release.tables()) {
            if (t.id().equals(child.conditionQuestion())) {
                addSet(sets, t, child.conditionOptions());
            }
        }
        return sets;
    }

    private static void addSet(List<List<String>> sets, PublishedRelease.Table t, List<String> options) {
        List<String> ordered = t.options().stream().filter(options::contains).toList();
        if (ordered.size() > 1 && !sets.contains(ordered)) {
            sets.add(ordered);
        }
    }

    private static String tallyName(PublishedRelease.Table t, List<String> options) {
        List<String> ordered = t.options().stream().filter(options::contains).toList();
        return ordered.size() == 1 ? ordered.getFirst() : "any:" + String.join("+", ordered);
    }

    private String var(Epoch e, String table, String part, String tally) {
        return e.index + "|" + table + "|" + part + "|" + tally;
    }

    /** Respondents of a part who chose any of the options, as a form over the part's variables. */
    private TreeMap<Integer, Integer> tally(Epoch e, PublishedRelease.Table t, String part, List<String> options) {
        TreeMap<Integer, Integer> terms = AttackerLp.terms();
        if (part.startsWith("B:")) {
            // a band row publishes headline rates only: one unknown per band part and headline
            AttackerLp.add(terms, lp.variable(var(e, t.id(), part, "h:" + tallyName(t, options))), 1);
        } else if (!t.multiple() || options.size() == 1) {
            for (String o : options) {
                AttackerLp.add(terms, lp.variable(var(e, t.id(), part, o)), 1);
            }
        } else {
            AttackerLp.add(terms, lp.variable(var(e, t.id(), part, tallyName(t, options))), 1);
        }
        return terms;
    }

    private long partSize(Epoch e, String part) {
        return e.members.values().stream().filter(m -> part.equals(part(m, dimensionOf(part)))).count();
    }

    /** N of a part in a table: public for a root question, the parent's count over the condition otherwise. */
    private TreeMap<Integer, Integer> population(Epoch e, PublishedRelease.Table t, String part, long[] constant) {
        if (t.conditionQuestion() == null) {
            constant[0] += partSize(e, part);
            return AttackerLp.terms();
        }
        return tally(e, e.release.table(t.conditionQuestion()), part, t.conditionOptions());
    }

    private void equations(Epoch e) {
        for (PublishedRelease.Table t : e.release.tables()) {
            List<String> dims = new ArrayList<>();
            dims.add(null);
            dims.addAll(dimensions(t));
            List<List<String>> anys = anySets(e, t);
            for (String part : parts(e, null)) {
                partEquations(e, t, part, anys);
            }
            // a band part's headline count is at most its members; a group's bands add up to the group
            for (String dim : dimensions(t)) {
                List<List<String>> tallies = new ArrayList<>(t.headlines().values());
                for (String part : parts(e, dim)) {
                    for (List<String> s : tallies) {
                        TreeMap<Integer, Integer> terms = tally(e, t, part, s);
                        lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.LE, partSize(e, part)));
                    }
                }
                for (String group : parts(e, null)) {
                    String g = group.substring(2);
                    List<String> bands = parts(e, dim).stream().filter(p -> p.endsWith(":" + g)).toList();
                    for (List<String> s : tallies) {
                        TreeMap<Integer, Integer> terms = AttackerLp.terms();
                        tally(e, t, group, s).forEach((v, a) -> AttackerLp.add(terms, v, a));
                        for (String part : bands) {
                            tally(e, t, part, s).forEach((v, a) -> AttackerLp.add(terms, v, -a));
                        }
                        lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.EQ, 0));
                    }
                }
            }
            // what the release publishes
            for (PublishedRelease.Row row : t.rows()) {
                List<String> parts = row.dimension() == null ? row.groups().stream().map(g -> "G:" + g).toList()
                        : bandParts(e, row.dimension(), row.band());
                for (int i = 0; i < row.options().size(); i++) {
                    published(e, t, parts, List.of(t.options().get(i)), row.options().get(i));
                }
                int h = 0;
                for (List<String> options : t.headlines().values()) {
                    published(e, t, parts, options, row.headlines().get(h++));
                }
                if (t.conditionQuestion() != null) {
                    published(e, e.release.table(t.conditionQuestion()), parts, t.conditionOptions(), row.respondents());
                }
            }
        }
    }

    private void published(Epoch e, PublishedRelease.Table t, List<String> parts, List<String> options, Long value) {
        if (value == null) {
            return;
        }
        TreeMap<Integer, Integer> terms = AttackerLp.terms();
        for (String part : parts) {
            tally(e, t, part, options).forEach((v, a) -> AttackerLp.add(terms, v, a));
        }
        lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.EQ, value));
    }

    private void partEquations(Epoch e, PublishedRelease.Table t, String part, List<List<String>> anys) {
        long[] constant = {0};
        TreeMap<Integer, Integer> n = population(e, t, part, constant);
        List<Integer> x = t.options().stream().map(o -> lp.variable(var(e, t.id(), part, o))).toList();
        if (!t.multiple()) {
            TreeMap<Integer, Integer> terms = minus(n);
            x.forEach(v -> AttackerLp.add(terms, v, 1));
            lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.EQ, constant[0]));
            return;
        }
        // each option at most N; everyone chose at least one option (無回答 included)
        for (int v : x) {
            TreeMap<Integer, Integer> terms = minus(n);
            AttackerLp.add(terms, v, 1);
            lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.LE, constant[0]));
        }
        TreeMap<Integer, Integer> all = minus(n);
        x.forEach(v -> AttackerLp.add(all, v, 1));
        lp.base.add(new AttackerLp.Eq(all, AttackerLp.Rel.GE, constant[0]));
        List<Integer> exclusive = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            if (t.exclusive().contains(t.options().get(i))) {
                exclusive.add(x.get(i));
            }
        }
        if (!exclusive.isEmpty()) {
            for (int i = 0; i < x.size(); i++) {
                if (!t.exclusive().contains(t.options().get(i))) {
                    TreeMap<Integer, Integer> terms = minus(n);
                    exclusive.forEach(v -> AttackerLp.add(terms, v, 1));
                    AttackerLp.add(terms, x.get(i), 1);
                    lp.base.add(new AttackerLp.Eq(terms, AttackerLp.Rel.LE, constant[0]));
                }
            }
        }
        for (List<String> s : anys) {
            int any = lp.variable(var(e, t.id(), part, tallyName(t, s)));
            TreeMap<Integer, Integer> upper = AttackerLp.terms();
            AttackerLp.add(upper, any, 1);
            for (String o : s) {
                int v = x.get(t.options().indexOf(o));
                TreeMap<Integer, Integer> lower = AttackerLp.terms();
                AttackerLp.add(lower, any, 1);
                AttackerLp.add(lower, v, -1);
                lp.base.add(new AttackerLp.Eq(lower, AttackerLp.Rel.GE, 0));
                AttackerLp.add(upper, v, -1);
            }
            lp.base.add(new AttackerLp.Eq(upper, AttackerLp.Rel.LE, 0));
            TreeMap<Integer, Integer> cap = minus(n);
            AttackerLp.add(cap, any, 1);
            lp.base.add(new AttackerLp.Eq(cap, AttackerLp.Rel.LE, constant[0]));
            boolean disjoint = s.stream().noneMatch(t.exclusive()::contains);
            if (disjoint && !exclusive.isEmpty()) {
                boolean covers = t.options().stream().allMatch(o -> s.contains(o) || t.exclusive().contains(o));
                TreeMap<Integer, Integer> terms = minus(n);
                AttackerLp.add(terms, any, 1);
                exclusive.forEach(v -> AttackerLp.add(terms, v, 1));
                lp.base.add(new AttackerLp.Eq(terms, covers ? AttackerLp.Rel.EQ : AttackerLp.Rel.LE, constant[0]));
            }
        }
    }

    private static TreeMap<Integer, Integer> minus(TreeMap<Integer, Integer> form) {
        TreeMap<Integer, Integer> terms = AttackerLp.terms();
        form.forEach((v, a) -> AttackerLp.add(terms, v, -a));
        return terms;
    }

    /** Earlier releases: a count moves by at most the members who joined, left or changed an answer. */
    private void link(Epoch then) {
        Epoch now = epochs.getFirst();
        for (PublishedRelease.Table t : now.release.tables()) {
            PublishedRelease.Table old = then.release.table(t.id());
            if (old == null || !comparable(t, old)) {
                continue;
            }
            List<String> dims = new ArrayList<>();
            dims.add(null);
            dims.addAll(dimensions(t));
            for (String dim : dims) {
                Set<String> parts = new TreeSet<>(parts(now, dim));
                for (String part : parts) {
                    Set<String> before = members(then, part);
                    Set<String> after = members(now, part);
                    long joined = after.stream().filter(m -> !before.contains(m)).count();
                    long left = before.stream().filter(m -> !after.contains(m)).count();
                    long changed = after.stream().filter(before::contains).filter(m -> answersChanged(now, then, m)).count();
                    List<String> tallies = new ArrayList<>();
                    if (dim == null) {
                        tallies.addAll(t.options());
                        anySets(now, t).forEach(s -> tallies.add(tallyName(t, s)));
                    } else {
                        t.headlines().values().forEach(h -> tallies.add("h:" + tallyName(t, h)));
                    }
                    for (String tally : tallies) {
                        String a = var(now, t.id(), part, tally);
                        String b = var(then, t.id(), part, tally);
                        if (!lp.has(a) || !lp.has(b)) {
                            continue;
                        }
                        TreeMap<Integer, Integer> diff = AttackerLp.terms();
                        AttackerLp.add(diff, lp.variable(a), 1);
                        AttackerLp.add(diff, lp.variable(b), -1);
                        if (joined + left + changed == 0) {
                            lp.base.add(new AttackerLp.Eq(diff, AttackerLp.Rel.EQ, 0));
                        } else {
                            lp.base.add(new AttackerLp.Eq(diff, AttackerLp.Rel.LE, joined + changed));
                            lp.base.add(new AttackerLp.Eq(diff, AttackerLp.Rel.GE, -(left + changed)));
                        }
                    }
                }
            }
        }
    }

    private static boolean comparable(PublishedRelease.Table a, PublishedRelease.Table b) {
        return a.multiple() == b.multiple() && a.options().equals(b.options())
                && Objects.equals(a.conditionQuestion(), b.conditionQuestion())
                && Objects.equals(a.conditionOptions() == null ? null : Set.copyOf(a.conditionOptions()),
                b.conditionOptions() == null ? null : Set.copyOf(b.conditionOptions()));
    }

    private Set<String> members(Epoch e, String part) {
        Set<String> ids = new TreeSet<>();
        String dim = dimensionOf(part);
        for (Member m : e.members.values()) {
            if (part.equals(part(m, dim))) {
                ids.add(m.id());
            }
        }
        return ids;
    }

    private boolean answersChanged(Epoch now, Epoch then, String member) {
        for (PublishedRelease.Table t : now.release.tables()) {
            PublishedRelease.Table old = then.release.table(t.id());
            if (old != null && comparable(t, old) && !Objects.equals(now.chosen.get(t.id()).get(member),
                    then.chosen.get(t.id()).get(member))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the oracle: what must be protected

    private void oracle() {
        Epoch now = epochs.getFirst();
        Map<String, PublishedRelease.Group> groups = now.release.groups();
        for (PublishedRelease.Table t : now.release.tables()) {
            Map<String, List<String>> compositions = new LinkedHashMap<>();
            for (PublishedRelease.Row row : t.rows()) {
                compositions.put(row.id(), row.dimension() == null ? row.groups().stream().map(g -> "G:" + g).toList()
                        : bandParts(now, row.dimension(), row.band()));
            }
            Map<String, List<String>> unions = new TreeMap<>();
            for (PublishedRelease.Group g : groups.values()) {
                if (g.respondents() == 0) {
                    continue;
                }
                unions.computeIfAbsent("group " + g.id(), k -> new ArrayList<>()).add("G:" + g.id());
                unions.computeIfAbsent("ceptoar " + g.ceptoar(), k -> new ArrayList<>()).add("G:" + g.id());
                unions.computeIfAbsent("sector " + g.sector(), k -> new ArrayList<>()).add("G:" + g.id());
                unions.computeIfAbsent("all", k -> new ArrayList<>()).add("G:" + g.id());
                unions.computeIfAbsent(g.financeNonSettlement() ? "finance other than settlement"
                        : "all except finance", k -> new ArrayList<>()).add("G:" + g.id());
            }
            unions.forEach((name, parts) -> {
                if (compositions.values().stream().noneMatch(c -> new TreeSet<>(c).equals(new TreeSet<>(parts)))) {
                    compositions.put(name, parts);
                }
            });
            List<List<String>> tallies = new ArrayList<>();
            t.options().forEach(o -> tallies.add(List.of(o)));
            t.headlines().values().forEach(h -> {
                if (!tallies.contains(h)) {
                    tallies.add(h);
                }
            });
            for (PublishedRelease.Table child : now.release.tables()) {
                if (t.id().equals(child.conditionQuestion()) && !tallies.contains(child.conditionOptions())) {
                    tallies.add(child.conditionOptions());
                }
            }
            compositions.forEach((name, parts) -> {
                boolean band = parts.stream().anyMatch(p -> p.startsWith("B:"));
                for (List<String> s : band ? new ArrayList<>(t.headlines().values()) : tallies) {
                    cells.add(oracleCell(t, name, parts, s));
                }
            });
        }
    }

    private OracleCell oracleCell(PublishedRelease.Table t, String rowName, List<String> parts, List<String> options) {
        Epoch now = epochs.getFirst();
        TreeMap<Integer, Integer> count = AttackerLp.terms();
        TreeMap<Integer, Integer> denominator = AttackerLp.terms();
        long[] constant = {0};
        for (String part : parts) {
            tally(now, t, part, options).forEach((v, a) -> AttackerLp.add(count, v, a));
            population(now, t, part, constant).forEach((v, a) -> AttackerLp.add(denominator, v, a));
        }
        Set<String> contributors = new TreeSet<>();
        Set<String> population = new TreeSet<>();
        collect(now, t, parts, options, contributors, population);
        Map<Integer, TreeMap<Integer, Integer>> priorCount = new HashMap<>();
        Map<Integer, long[]> priorTruth = new HashMap<>();
        Map<Integer, Set<String>> changed = new HashMap<>();
        for (Epoch then : epochs.subList(1, epochs.size())) {
            PublishedRelease.Table old = then.release.table(t.id());
            if (old == null || !comparable(t, old)) {
                continue;
            }
            TreeMap<Integer, Integer> form = AttackerLp.terms();
            for (String part : parts) {
                tally(then, old, part, options).forEach((v, a) -> AttackerLp.add(form, v, a));
            }
            priorCount.put(then.index, form);
            Set<String> c = new TreeSet<>();
            Set<String> p = new TreeSet<>();
            collect(then, old, parts, options, c, p);
            priorTruth.put(then.index, new long[]{c.size(), p.size()});
            Set<String> units = new TreeSet<>();
            Set<String> everyone = new TreeSet<>();
            parts.forEach(part -> {
                everyone.addAll(members(now, part));
                everyone.addAll(members(then, part));
            });
            for (String m : everyone) {
                boolean inNow = parts.stream().anyMatch(part -> members(now, part).contains(m));
                boolean inThen = parts.stream().anyMatch(part -> members(then, part).contains(m));
                if (inNow != inThen || answersChanged(now, then, m)) {
                    Member who = now.members.containsKey(m) ? now.members.get(m) : then.members.get(m);
                    units.add(who.unit());
                }
            }
            changed.put(then.index, units);
        }
        String name = t.id() + "|" + rowName + "|" + String.join("+", options);
        boolean noAnswerOnly = options.size() == 1 && options.getFirst().equals(t.noAnswer());
        return new OracleCell(name, t.id(), t.multiple(), noAnswerOnly, count, denominator, constant[0], contributors,
                population, priorCount, priorTruth, changed);
    }

    private void collect(Epoch e, PublishedRelease.Table t, List<String> parts, List<String> options,
                         Set<String> contributors, Set<String> population) {
        Map<String, Set<String>> chosen = e.chosen.get(t.id());
        for (String part : parts) {
            for (String id : members(e, part)) {
                Set<String> c = chosen.get(id);
                if (c == null) {
                    continue;
                }
                population.add(id);
                if (options.stream().anyMatch(c::contains)) {
                    contributors.add(id);
                }
            }
        }
    }

    private boolean fires(long n, long total, Set<String> in, Set<String> out, boolean noAnswerOnly) {
        if (total <= 0) {
            return false;
        }
        Epoch now = epochs.getFirst();
        Set<String> unitsIn = new HashSet<>();
        in.forEach(m -> unitsIn.add(now.members.get(m).unit()));
        Set<String> unitsOut = new HashSet<>();
        out.forEach(m -> unitsOut.add(now.members.get(m).unit()));
        boolean threshold = (!unitsIn.isEmpty() && unitsIn.size() < rules.k())
                || (!unitsOut.isEmpty() && unitsOut.size() < rules.k());
        boolean group = n == total || (n == 0 && total < rules.groupMinimum() && !noAnswerOnly);
        return threshold || group;
    }

    private boolean sensitive(OracleCell c) {
        Set<String> out = new TreeSet<>(c.population());
        out.removeAll(c.contributors());
        return fires(c.contributors().size(), c.population().size(), c.contributors(), out, c.noAnswerOnly());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // profiles

    public List<Finding> attackAsNisc() {
        return attack("NISC", m -> false);
    }

    public List<Finding> attackAsSecretariats() {
        List<Finding> findings = new ArrayList<>();
        Epoch now = epochs.getFirst();
        Set<String> ceptoars = new TreeSet<>();
        now.members.values().forEach(m -> ceptoars.add(now.ceptoar(m)));
        for (String t : ceptoars) {
            findings.addAll(attack("secretariat " + t, m -> now.release.groups().containsKey(m.group())
                    && now.release.groups().get(m.group()).ceptoar().equals(t)));
        }
        return findings;
    }

    public List<Finding> attackAsMembers() {
        List<Finding> findings = new ArrayList<>();
        Set<String> units = new TreeSet<>();
        epochs.getFirst().members.values().forEach(m -> units.add(m.unit()));
        for (String u : units) {
            findings.addAll(attack("unit " + u, m -> m.unit().equals(u)));
        }
        return findings;
    }

    public List<Finding> attackAll() {
        List<Finding> findings = new ArrayList<>(attackAsNisc());
        findings.addAll(attackAsSecretariats());
        findings.addAll(attackAsMembers());
        return findings;
    }

    /** The interval of a cell's count under NISC's knowledge: for tests that check a number by hand. */
    public long[] niscInterval(String cellName) {
        AttackerLp.Solved solved = lp.new Solved(List.of());
        OracleCell c = cells.stream().filter(x -> x.name().equals(cellName)).findFirst().orElseThrow();
        AttackerLp.Range r = solved.range(c.count(), 0);
        return new long[]{r.lo(), r.hi()};
    }

    private List<Finding> attack(String profile, Predicate<Member> knows) {
        boolean nisc = profile.equals("NISC");
        boolean secretariat = profile.startsWith("secretariat");
        AttackerLp.Solved solved = lp.new Solved(knowledge(knows));
        List<Finding> findings = new ArrayList<>();
        Epoch now = epochs.getFirst();
        for (OracleCell c : cells) {
            Set<String> ownIn = new TreeSet<>();
            Set<String> ownAll = new TreeSet<>();
            for (String m : c.population()) {
                if (knows.test(now.members.get(m))) {
                    ownAll.add(m);
                    if (c.contributors().contains(m)) {
                        ownIn.add(m);
                    }
                }
            }
            Set<String> in = new TreeSet<>(c.contributors());
            in.removeAll(ownIn);
            Set<String> out = new TreeSet<>(c.population());
            out.removeAll(c.contributors());
            out.removeAll(ownAll);
            long n = in.size();
            long total = n + out.size();
            boolean check = secretariat ? fires(n, total, in, out, c.noAnswerOnly())
                    : sensitive(c) && fires(n, total, in, out, c.noAnswerOnly());
            if (check && total > 0) {
                boolean countSide = n <= total - n;
                TreeMap<Integer, Integer> objective = countSide ? c.count() : minusPlus(c.denominator(), c.count());
                long constant = countSide ? 0 : c.denominatorConstant();
                AttackerLp.Range r = solved.range(objective, constant);
                long own = countSide ? ownIn.size() : ownAll.size() - ownIn.size();
                long lo = r.lo() - own;
                long hi = r.hi() - own;
                long m = countSide ? n : total - n;
                long d = Math.max(rules.intervalMinimum(), (long) Math.ceil(rules.intervalFraction() * m - 1e-9));
                if (r.gaveUp() || lo > Math.max(0, m - d) || hi < Math.min(total, Math.max(m + d, rules.k()))) {
                    findings.add(new Finding(profile, c.name(), "small side " + m + " of " + total + " narrowed to ["
                            + lo + ", " + hi + "]" + (r.gaveUp() ? " (solver gave up)" : "")));
                }
            }
            for (var entry : c.priorCount().entrySet()) {
                int e = entry.getKey();
                long[] truthThen = c.priorTruth().get(e);
                long changedUnknown = c.changedUnits().get(e).stream().filter(u -> nisc || !knowsUnit(u, knows)).count();
                boolean moved = c.contributors().size() != truthThen[0] || (c.multiple()
                        && c.population().size() - c.contributors().size() != truthThen[1] - truthThen[0]);
                if (changedUnknown < 1 || c.changedUnits().get(e).size() >= rules.k() || !moved) {
                    continue;
                }
                TreeMap<Integer, Integer> objective = minusPlus(c.count(), entry.getValue());
                AttackerLp.Range r = solved.range(objective, 0);
                if (r.gaveUp() || r.hi() - r.lo() < 1) {
                    findings.add(new Finding(profile, c.name(), "change since release " + e + " determined: ["
                            + r.lo() + ", " + r.hi() + "]"));
                }
            }
        }
        linearPrograms++;
        return findings;
    }

    private boolean knowsUnit(String unit, Predicate<Member> knows) {
        return epochs.getFirst().members.values().stream().filter(m -> m.unit().equals(unit)).allMatch(knows)
                && epochs.getFirst().members.values().stream().anyMatch(m -> m.unit().equals(unit));
    }

    /** a − b as a form. */
    private static TreeMap<Integer, Integer> minusPlus(TreeMap<Integer, Integer> a, TreeMap<Integer, Integer> b) {
        TreeMap<Integer, Integer> terms = AttackerLp.terms();
        a.forEach((v, x) -> AttackerLp.add(terms, v, x));
        b.forEach((v, x) -> AttackerLp.add(terms, v, -x));
        return terms;
    }

    /**
     * What a profile knows: the cells of a part whose members it all owns (a secretariat's base groups) exactly;
     * otherwise that a cell holds at least its own members counted in it (in every release it took part in).
     */
    private List<AttackerLp.Eq> knowledge(Predicate<Member> knows) {
        List<AttackerLp.Eq> extra = new ArrayList<>();
        for (int v = 0; v < lp.size(); v++) {
            String[] name = lp.name(v).split("\\|", 4);
            Epoch e = epochs.get(Integer.parseInt(name[0]));
            PublishedRelease.Table t = e.release.table(name[1]);
            String part = name[2];
            String tally = name[3];
            String plain = tally.startsWith("h:") ? tally.substring(2) : tally;
            List<String> options = plain.startsWith("any:") ? Arrays.asList(plain.substring(4).split("\\+"))
                    : List.of(plain);
            Set<String> members = members(e, part);
            Map<String, Set<String>> chosen = e.chosen.get(t.id());
            long known = 0;
            long matching = 0;
            for (String id : members) {
                if (knows.test(e.members.get(id))) {
                    known++;
                    Set<String> c = chosen.get(id);
                    if (c != null && options.stream().anyMatch(c::contains)) {
                        matching++;
                    }
                }
            }
            TreeMap<Integer, Integer> terms = AttackerLp.terms();
            AttackerLp.add(terms, v, 1);
            if (!members.isEmpty() && known == members.size()) {
                long truth = 0;
                for (String id : members) {
                    Set<String> c = chosen.get(id);
                    if (c != null && options.stream().anyMatch(c::contains)) {
                        truth++;
                    }
                }
                extra.add(new AttackerLp.Eq(terms, AttackerLp.Rel.EQ, truth));
            } else if (matching > 0) {
                extra.add(new AttackerLp.Eq(terms, AttackerLp.Rel.GE, matching));
            }
        }
        return extra;
    }
}
