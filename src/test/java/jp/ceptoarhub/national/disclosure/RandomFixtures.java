package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random populations for property tests: a few sectors (one with several CEPTOARs, finance-style), groups of
 * 1 to 40 members, some company groups with several members, a single-choice question with a headline, a
 * multiple-choice question with an exclusive 「実施していない」 and 無回答, a question conditional on the first, and a
 * band breakdown. Deterministic per seed.
 */
final class RandomFixtures {
    private RandomFixtures() {
    }

    static ReleaseRequest request(long seed, String releaseId) {
        Random random = new Random(seed);
        Fixtures f = new Fixtures();
        f.bands.add(new Population.BandDimension("employees", "従業員数", "Employees", List.of(
                new Population.Band("S", "小", "Small"), new Population.Band("M", "中", "Medium"),
                new Population.Band("L", "大", "Large"))));
        int sectors = 3 + random.nextInt(3);
        for (int s = 0; s < sectors; s++) {
            String code = "S" + s;
            if (s == 0) {
                f.sectorOnly(code, "金融");
                f.ceptoar("BANK", "銀行等", code, true);
                f.ceptoar("SEC", "証券", code, true);
                f.ceptoar("FUND", "資金決済", code, false);
            } else {
                f.sector(code, "分野" + s);
            }
        }
        QuestionTable q1 = new QuestionTable("Q1", "設問1", "Q1", QuestionTable.Choice.SINGLE, List.of(
                option("a", false, false), option("b", false, false), option("c", false, false),
                option("none", false, false), option("NA", true, false)), null,
                List.of(new QuestionTable.Headline("implemented", "実施", "Implemented", List.of("a", "b"))),
                random.nextBoolean());
        QuestionTable q2 = new QuestionTable("Q2", "設問2", "Q2", QuestionTable.Choice.MULTIPLE, List.of(
                option("x", false, false), option("y", false, false), option("z", false, false),
                option("none", false, true), option("NA", true, false)), null,
                List.of(new QuestionTable.Headline("any", "何らかの取組", "Any", List.of("x", "y", "z"))), false);
        QuestionTable q3 = new QuestionTable("Q3", "設問3", "Q3", QuestionTable.Choice.SINGLE, List.of(
                option("regular", false, false), option("adhoc", false, false), option("NA", true, false)),
                new QuestionTable.Condition("Q1", List.of("a", "b")), List.of(), false);
        f.question(q1).question(q2).question(q3);
        int id = 0;
        for (Population.BaseGroup g : f.groups) {
            int size = 1 + random.nextInt(random.nextInt(4) == 0 ? 6 : 40);
            String unit = null;
            for (int i = 0; i < size; i++) {
                String member = g.id() + "-" + (++id);
                if (unit == null || random.nextInt(4) != 0) {
                    unit = random.nextInt(5) == 0 ? "grp-" + random.nextInt(6) : member;
                }
                Map<String, List<String>> answers = new LinkedHashMap<>();
                String a1 = pick(random, new String[]{"a", "a", "b", "c", "none", "NA"});
                if (!a1.equals("NA")) {
                    answers.put("Q1", List.of(a1));
                }
                int r2 = random.nextInt(10);
                if (r2 == 0) {
                    answers.put("Q2", List.of("none"));
                } else if (r2 > 1) {
                    List<String> chosen = new ArrayList<>();
                    for (String o : new String[]{"x", "y", "z"}) {
                        if (random.nextInt(3) != 0) {
                            chosen.add(o);
                        }
                    }
                    if (chosen.isEmpty()) {
                        chosen.add("x");
                    }
                    answers.put("Q2", chosen);
                }
                if ((a1.equals("a") || a1.equals("b")) && random.nextInt(8) != 0) {
                    answers.put("Q3", List.of(random.nextInt(3) == 0 ? "adhoc" : "regular"));
                }
                f.respondent(member, g.id(), unit, answers);
            }
        }
        return f.request(releaseId);
    }

    private static QuestionTable.Option option(String id, boolean noAnswer, boolean exclusive) {
        return new QuestionTable.Option(id, id, id, noAnswer, exclusive);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
