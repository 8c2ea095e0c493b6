package jp.ceptoarhub.national.disclosure.attack;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A release as the attacker reads it: parsed from the published JSON bytes only, with no production class in sight.
 * Every number is a Long, a suppressed one null.
 */
record PublishedRelease(Map<String, Group> groups, List<Table> tables) {

    record Group(String id, String ceptoar, String sector, boolean financeNonSettlement, long respondents) {
    }

    record Table(String id, boolean multiple, List<String> options, String noAnswer, Set<String> exclusive,
                 Map<String, List<String>> headlines, String conditionQuestion, List<String> conditionOptions,
                 List<Row> rows) {
    }

    record Row(String id, List<String> groups, String dimension, String band, Long respondents, List<Long> options,
               List<Long> headlines) {
    }

    @SuppressWarnings("unchecked")
    static PublishedRelease parse(byte[] json) {
        Map<String, Object> root;
        try {
            root = ObjectMapper.getDefault().readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Object o : (List<Object>) root.get("population")) {
            Map<String, Object> g = (Map<String, Object>) o;
            groups.put((String) g.get("group"), new Group((String) g.get("group"), (String) g.get("ceptoar"),
                    (String) g.get("sector"), (Boolean) g.get("financeNonSettlement"),
                    ((Number) g.get("respondents")).longValue()));
        }
        List<Table> tables = new ArrayList<>();
        for (Object o : (List<Object>) root.get("tables")) {
            Map<String, Object> t = (Map<String, Object>) o;
            List<String> options = new ArrayList<>();
            String noAnswer = null;
            Set<String> exclusive = new LinkedHashSet<>();
            for (Object op : (List<Object>) t.get("options")) {
                Map<String, Object> m = (Map<String, Object>) op;
                String id = (String) m.get("id");
                options.add(id);
                if (Boolean.TRUE.equals(m.get("noAnswer"))) {
                    noAnswer = id;
                    exclusive.add(id);
                }
                if (Boolean.TRUE.equals(m.get("exclusive"))) {
                    exclusive.add(id);
                }
            }
            Map<String, List<String>> headlines = new LinkedHashMap<>();
            for (Object h : (List<Object>) t.get("headlines")) {
                Map<String, Object> m = (Map<String, Object>) h;
                headlines.put((String) m.get("id"), (List<String>) m.get("options"));
            }
            Map<String, Object> condition = (Map<String, Object>) t.get("condition");
            List<Row> rows = new ArrayList<>();
            for (Object r : (List<Object>) t.get("rows")) {
                Map<String, Object> m = (Map<String, Object>) r;
                Map<String, Object> band = (Map<String, Object>) m.get("band");
                List<Long> cells = new ArrayList<>();
                for (Object c : (List<Object>) m.get("options")) {
                    cells.add(number(((Map<String, Object>) c).get("count")));
                }
                List<Long> hs = new ArrayList<>();
                for (Object c : (List<Object>) m.get("headlines")) {
                    hs.add(number(((Map<String, Object>) c).get("count")));
                }
                rows.add(new Row((String) m.get("row"), (List<String>) m.get("groups"),
                        band == null ? null : (String) band.get("dimension"), band == null ? null : (String) band.get("code"),
                        number(((Map<String, Object>) m.get("respondents")).get("count")), cells, hs));
            }
            tables.add(new Table((String) t.get("question"), "MULTIPLE".equals(t.get("choice")), options, noAnswer,
                    exclusive, headlines, condition == null ? null : (String) condition.get("question"),
                    condition == null ? null : (List<String>) condition.get("options"), rows));
        }
        return new PublishedRelease(groups, tables);
    }

    private static Long number(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    Table table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }
}
