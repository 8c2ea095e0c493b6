package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small hand-made populations for the tests: sectors with one CEPTOAR and one base group each unless said otherwise,
 * respondents with explicit answers. Every count in the tests is computed by hand from what is written here.
 */
final class Fixtures {
    final List<Population.Sector> sectors = new ArrayList<>();
    final List<Population.Ceptoar> ceptoars = new ArrayList<>();
    final List<Population.BaseGroup> groups = new ArrayList<>();
    final List<Population.Respondent> respondents = new ArrayList<>();
    final List<Population.BandDimension> bands = new ArrayList<>();
    final List<QuestionTable> questions = new ArrayList<>();
    final Map<String, Map<String, List<String>>> answers = new LinkedHashMap<>();
    final List<DependencyTable> dependencyTables = new ArrayList<>();

    /** A sector with one CEPTOAR whose one base group has the same code. */
    Fixtures sector(String code, String ja) {
        sectors.add(new Population.Sector(code, ja, code));
        ceptoars.add(new Population.Ceptoar(code, ja + "CEPTOAR", code, code));
        groups.add(new Population.BaseGroup(code, ja, code, code, false));
        return this;
    }

    Fixtures sectorOnly(String code, String ja) {
        sectors.add(new Population.Sector(code, ja, code));
        return this;
    }

    Fixtures ceptoar(String code, String ja, String sector, boolean financeNonSettlement) {
        ceptoars.add(new Population.Ceptoar(code, ja, code, sector));
        groups.add(new Population.BaseGroup(code, ja, code, code, financeNonSettlement));
        return this;
    }

    Fixtures question(QuestionTable q) {
        questions.add(q);
        return this;
    }

    /** {@code count} respondents of a group, each its own unit, all answering {@code question} with {@code options}. */
    Fixtures respondents(String group, int count, String question, String... options) {
        for (int i = 0; i < count; i++) {
            respondent(group + "-" + (respondents.size() + 1), group, null, Map.of(question, List.of(options)));
        }
        return this;
    }

    Fixtures respondent(String id, String group, String unit, Map<String, List<String>> answered) {
        respondents.add(new Population.Respondent(id, group, unit == null ? id : unit, bandsOf(id)));
        answered.forEach((q, options) -> answers.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(id, options));
        return this;
    }

    private Map<String, String> bandsOf(String id) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Population.BandDimension d : bands) {
            m.put(d.id(), d.bands().get(Math.floorMod(id.hashCode(), d.bands().size())).code());
        }
        return m;
    }

    Population population() {
        return new Population(sectors, ceptoars, groups, respondents, bands);
    }

    ReleaseRequest request(String releaseId) {
        return new ReleaseRequest(releaseId, "snapshot-" + releaseId, population(), questions, answers,
                dependencyTables);
    }

    static QuestionTable single(String id, String... options) {
        List<QuestionTable.Option> list = new ArrayList<>();
        for (String o : options) {
            list.add(new QuestionTable.Option(o, o, o, o.equals("NA"), false));
        }
        return new QuestionTable(id, id, id, QuestionTable.Choice.SINGLE, list, null, List.of(), false);
    }
}
