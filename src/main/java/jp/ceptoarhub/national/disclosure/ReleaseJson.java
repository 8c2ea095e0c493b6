package jp.ceptoarhub.national.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release as JSON. For NISC: the public population, each table's definition (options, headlines, condition) and
 * rows (composition, N, counts with percentages); a suppressed number is {@code {"count":null,"percent":null,
 * "suppressed":true}} and nothing else — no reason, no parameter. A percentage is published only when its count and
 * denominator are. The audit rendering adds the parameters and the reason codes for platform admins.
 */
final class ReleaseJson {
    private ReleaseJson() {
    }

    static byte[] render(Release release) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("releaseId", release.releaseId());
        root.put("snapshotId", release.snapshotId());
        root.put("algorithmVersion", release.algorithmVersion());
        List<Object> population = new ArrayList<>();
        for (Release.GroupPopulation g : release.population()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g.groupId());
            m.put("labelJa", g.labelJa());
            m.put("labelEn", g.labelEn());
            m.put("ceptoar", g.ceptoarCode());
            m.put("sector", g.sectorCode());
            m.put("financeNonSettlement", g.financeNonSettlement());
            m.put("respondents", g.respondents());
            population.add(m);
        }
        root.put("population", population);
        List<Object> tables = new ArrayList<>();
        for (Release.TableRelease t : release.tables()) {
            tables.add(table(t));
        }
        root.put("tables", tables);
        List<Object> concentration = new ArrayList<>();
        for (Release.ConcentrationRelease c : release.concentration()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", c.tableId());
            m.put("labelJa", c.labelJa());
            m.put("labelEn", c.labelEn());
            List<Object> items = new ArrayList<>();
            for (Release.NamedItem i : c.items()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("item", i.itemId());
                item.put("label", i.label());
                item.put("units", count(i.units(), null));
                item.put("members", count(i.members(), null));
                item.put("sectors", count(i.sectors(), null));
                items.add(item);
            }
            m.put("items", items);
            Map<String, Object> other = new LinkedHashMap<>();
            other.put("labelJa", c.otherLabelJa());
            other.put("labelEn", c.otherLabelEn());
            other.put("items", c.otherItems());
            m.put("other", other);
            concentration.add(m);
        }
        root.put("concentration", concentration);
        return CanonicalJson.write(root);
    }

    private static Map<String, Object> table(Release.TableRelease t) {
        QuestionTable q = t.question();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", q.id());
        m.put("labelJa", q.labelJa());
        m.put("labelEn", q.labelEn());
        m.put("choice", q.choice().name());
        if (q.condition() == null) {
            m.put("condition", null);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("question", q.condition().questionId());
            c.put("options", q.condition().optionIds());
            m.put("condition", c);
        }
        List<Object> options = new ArrayList<>();
        for (QuestionTable.Option o : q.options()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", o.id());
            om.put("labelJa", o.labelJa());
            om.put("labelEn", o.labelEn());
            om.put("noAnswer", o.noAnswer());
            om.put("exclusive", o.exclusive());
            options.add(om);
        }
        m.put("options", options);
        List<Object> headlines = new ArrayList<>();
        for (QuestionTable.Headline h : q.headlines()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("id", h.id());
            hm.put("labelJa", h.labelJa());
            hm.put("labelEn", h.labelEn());
            hm.put("options", h.optionIds());
            headlines.add(hm);
        }
        m.put("headlines", headlines);
        List<Object> rows = new ArrayList<>();
        for (Release.RowRelease r : t.rows()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("row", r.rowId());
            rm.put("kind", r.kind());
            rm.put("labelJa", r.labelJa());
            rm.put("labelEn", r.labelEn());
            rm.put("groups", r.groupIds());
            if (r.bandDimension() == null) {
                rm.put("band", null);
            } else {
                Map<String, Object> band = new LinkedHashMap<>();
                band.put("dimension", r.bandDimension());
                band.put("code", r.bandCode());
                rm.put("band", band);
            }
            rm.put("respondents", count(r.respondents(), null));
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < r.options().size(); i++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("option", q.options().get(i).id());
                cell.putAll(count(r.options().get(i), r.respondents()));
                cells.add(cell);
            }
            rm.put("options", cells);
            List<Object> hs = new ArrayList<>();
            for (int i = 0; i < r.headlines().size(); i++) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("headline", q.headlines().get(i).id());
                cell.putAll(count(r.headlines().get(i), r.respondents()));
                hs.add(cell);
            }
            rm.put("headlines", hs);
            rows.add(rm);
        }
        m.put("rows", rows);
        return m;
    }

    /** {count, percent?, suppressed?}: percent only for cells over a denominator. */
    private static Map<String, Object> count(Release.Count count, Release.Count denominator) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count.value());
        if (denominator != null) {
            m.put("percent", percent(count, denominator));
        }
        if (count.suppressed()) {
            m.put("suppressed", true);
        }
        return m;
    }

    /** count / N as a percentage with one decimal (half up), or null when either is suppressed or N is zero. */
    static BigDecimal percent(Release.Count count, Release.Count denominator) {
        if (count.suppressed() || denominator.suppressed() || denominator.value() == 0) {
            return null;
        }
        return BigDecimal.valueOf(count.value()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator.value()), 1, RoundingMode.HALF_UP);
    }

    static byte[] renderAudit(Release release) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("releaseId", release.releaseId());
        root.put("snapshotId", release.snapshotId());
        root.put("algorithmVersion", release.algorithmVersion());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", release.parameters().k());
        p.put("groupMinimum", release.parameters().groupMinimum());
        p.put("intervalMinimum", release.parameters().intervalMinimum());
        p.put("intervalFraction", BigDecimal.valueOf(release.parameters().intervalFraction()));
        p.put("poolMinimum", release.parameters().poolMinimum());
        root.put("parameters", p);
        root.put("auditScope", release.auditScope().name());
        List<Object> cells = new ArrayList<>();
        for (Release.SuppressedCell c : release.audit().cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", c.key());
            m.put("reasons", c.reasons().stream().map(Enum::name).toList());
            m.put("published", c.published());
            cells.add(m);
        }
        root.put("cells", cells);
        root.put("escalations", release.audit().escalations());
        root.put("unnamedItems", release.audit().unnamedItems());
        Release.AuditStatistics s = release.audit().statistics();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("components", s.components());
        stats.put("publishedCells", s.publishedCells());
        stats.put("primaryCells", s.primaryCells());
        stats.put("suppressedCells", s.suppressedCells());
        stats.put("linearPrograms", s.linearPrograms());
        stats.put("profiles", s.profiles());
        root.put("statistics", stats);
        return CanonicalJson.write(root);
    }
}
