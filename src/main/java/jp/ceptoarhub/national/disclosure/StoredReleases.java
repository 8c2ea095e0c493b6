package jp.ceptoarhub.national.disclosure;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A release as it is stored: the snapshot it was computed from (gzip JSON, member-level, never served) next to the
 * published JSON and the audit JSON. Reading them back gives the {@link PriorRelease} a later release is protected
 * against; the reading is checked to render the stored bytes again, so a stored release cannot be read as anything
 * but what was published.
 */
public final class StoredReleases {
    private StoredReleases() {
    }

    public static byte[] writeSnapshot(ReleaseRequest request) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("releaseId", request.releaseId());
        root.put("snapshotId", request.snapshotId());
        Population p = request.population();
        root.put("sectors", p.sectors().stream().map(s -> List.of(s.code(), s.labelJa(), s.labelEn())).toList());
        root.put("ceptoars", p.ceptoars().stream()
                .map(c -> List.of(c.code(), c.labelJa(), c.labelEn(), c.sectorCode())).toList());
        root.put("groups", p.groups().stream().map(g -> List.<Object>of(g.id(), g.labelJa(), g.labelEn(),
                g.ceptoarCode(), g.financeNonSettlement())).toList());
        root.put("respondents", p.respondents().stream()
                .map(r -> List.<Object>of(r.id(), r.groupId(), r.unitId(), new TreeMap<>(r.bands())))
                .toList());
        root.put("bandDimensions", p.bandDimensions().stream().map(d -> List.<Object>of(d.id(), d.labelJa(),
                d.labelEn(), d.bands().stream().map(b -> List.of(b.code(), b.labelJa(), b.labelEn())).toList()))
                .toList());
        List<Object> questions = new ArrayList<>();
        for (QuestionTable q : request.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", q.id());
            m.put("labelJa", q.labelJa());
            m.put("labelEn", q.labelEn());
            m.put("choice", q.choice().name());
            m.put("options", q.options().stream().map(o -> List.<Object>of(o.id(), o.labelJa(), o.labelEn(),
                    o.noAnswer(), o.exclusive())).toList());
            m.put("condition", q.condition() == null ? null
                    : List.<Object>of(q.condition().questionId(), q.condition().optionIds()));
            m.put("headlines", q.headlines().stream().map(h -> List.<Object>of(h.id(), h.labelJa(), h.labelEn(),
                    h.optionIds())).toList());
            m.put("bandBreakdown", q.bandBreakdown());
            questions.add(m);
        }
        root.put("questions", questions);
        Map<String, Object> answers = new TreeMap<>();
        request.answers().forEach((q, byRespondent) -> answers.put(q, new TreeMap<>(byRespondent)));
        root.put("answers", answers);
        root.put("dependencyTables", request.dependencyTables().stream().map(t -> List.<Object>of(t.id(),
                t.labelJa(), t.labelEn(), t.otherLabelJa(), t.otherLabelEn(), t.dependencies().stream()
                        .map(d -> List.of(d.itemId(), d.itemLabel(), d.respondentId())).toList())).toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(CanonicalJson.write(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    public static ReleaseRequest readSnapshot(byte[] gzipped) {
        Map<String, Object> root;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            root = ObjectMapper.getDefault().readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Population.Sector> sectors = new ArrayList<>();
        for (List<Object> s : (List<List<Object>>) root.get("sectors")) {
            sectors.add(new Population.Sector(str(s, 0), str(s, 1), str(s, 2)));
        }
        List<Population.Ceptoar> ceptoars = new ArrayList<>();
        for (List<Object> c : (List<List<Object>>) root.get("ceptoars")) {
            ceptoars.add(new Population.Ceptoar(str(c, 0), str(c, 1), str(c, 2), str(c, 3)));
        }
        List<Population.BaseGroup> groups = new ArrayList<>();
        for (List<Object> g : (List<List<Object>>) root.get("groups")) {
            groups.add(new Population.BaseGroup(str(g, 0), str(g, 1), str(g, 2), str(g, 3), (Boolean) g.get(4)));
        }
        List<Population.Respondent> respondents = new ArrayList<>();
        for (List<Object> r : (List<List<Object>>) root.get("respondents")) {
            respondents.add(new Population.Respondent(str(r, 0), str(r, 1), str(r, 2),
                    (Map<String, String>) r.get(3)));
        }
        List<Population.BandDimension> dims = new ArrayList<>();
        for (List<Object> d : (List<List<Object>>) root.get("bandDimensions")) {
            List<Population.Band> bands = new ArrayList<>();
            for (List<Object> b : (List<List<Object>>) d.get(3)) {
                bands.add(new Population.Band(str(b, 0), str(b, 1), str(b, 2)));
            }
            dims.add(new Population.BandDimension(str(d, 0), str(d, 1), str(d, 2), bands));
        }
        List<QuestionTable> questions = new ArrayList<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) root.get("questions")) {
            List<QuestionTable.Option> options = new ArrayList<>();
            for (List<Object> o : (List<List<Object>>) q.get("options")) {
                options.add(new QuestionTable.Option(str(o, 0), str(o, 1), str(o, 2), (Boolean) o.get(3),
                        (Boolean) o.get(4)));
            }
            List<Object> c = (List<Object>) q.get("condition");
            List<QuestionTable.Headline> headlines = new ArrayList<>();
            for (List<Object> h : (List<List<Object>>) q.get("headlines")) {
                headlines.add(new QuestionTable.Headline(str(h, 0), str(h, 1), str(h, 2), (List<String>) h.get(3)));
            }
            questions.add(new QuestionTable((String) q.get("id"), (String) q.get("labelJa"),
                    (String) q.get("labelEn"), QuestionTable.Choice.valueOf((String) q.get("choice")), options,
                    c == null ? null : new QuestionTable.Condition(str(c, 0), (List<String>) c.get(1)), headlines,
                    (Boolean) q.get("bandBreakdown")));
        }
        List<DependencyTable> tables = new ArrayList<>();
        for (List<Object> t : (List<List<Object>>) root.get("dependencyTables")) {
            List<DependencyTable.Dependency> deps = new ArrayList<>();
            for (List<Object> d : (List<List<Object>>) t.get(5)) {
                deps.add(new DependencyTable.Dependency(str(d, 0), str(d, 1), str(d, 2)));
            }
            tables.add(new DependencyTable(str(t, 0), str(t, 1), str(t, 2), str(t, 3), str(t, 4), deps));
        }
        return new ReleaseRequest((String) root.get("releaseId"), (String) root.get("snapshotId"),
                new Population(sectors, ceptoars, groups, respondents, dims), questions,
                (Map<String, Map<String, List<String>>>) root.get("answers"), tables);
    }

    /**
     * The release stored as {@code json} and {@code auditJson} for {@code request}: refused unless it renders both
     * byte for byte again.
     */
    @SuppressWarnings("unchecked")
    public static PriorRelease read(ReleaseRequest request, byte[] json, byte[] auditJson) {
        Map<String, Object> root = parse(json);
        Map<String, Object> audit = parse(auditJson);
        List<Release.GroupPopulation> population = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) root.get("population")) {
            population.add(new Release.GroupPopulation((String) g.get("group"), (String) g.get("labelJa"),
                    (String) g.get("labelEn"), (String) g.get("ceptoar"), (String) g.get("sector"),
                    (Boolean) g.get("financeNonSettlement"), number(g.get("respondents"))));
        }
        List<String> escalations = (List<String>) audit.get("escalations");
        List<Release.TableRelease> tables = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) root.get("tables")) {
            QuestionTable q = request.question((String) t.get("question"));
            List<Release.RowRelease> rows = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) t.get("rows")) {
                Map<String, Object> band = (Map<String, Object>) r.get("band");
                rows.add(new Release.RowRelease((String) r.get("row"), (String) r.get("kind"),
                        (String) r.get("labelJa"), (String) r.get("labelEn"), (List<String>) r.get("groups"),
                        band == null ? null : (String) band.get("dimension"),
                        band == null ? null : (String) band.get("code"), count(r.get("respondents")),
                        ((List<Object>) r.get("options")).stream().map(StoredReleases::count).toList(),
                        ((List<Object>) r.get("headlines")).stream().map(StoredReleases::count).toList()));
            }
            boolean withheld = escalations.stream().anyMatch(e -> e.startsWith(q.id() + ": ")
                    && e.endsWith("; withheld"));
            tables.add(new Release.TableRelease(q, rows, withheld));
        }
        List<Release.ConcentrationRelease> concentration = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) root.get("concentration")) {
            List<Release.NamedItem> items = new ArrayList<>();
            for (Map<String, Object> i : (List<Map<String, Object>>) c.get("items")) {
                items.add(new Release.NamedItem((String) i.get("item"), (String) i.get("label"),
                        count(i.get("units")), count(i.get("members")), count(i.get("sectors"))));
            }
            Map<String, Object> other = (Map<String, Object>) c.get("other");
            concentration.add(new Release.ConcentrationRelease((String) c.get("table"), (String) c.get("labelJa"),
                    (String) c.get("labelEn"), items, (String) other.get("labelJa"), (String) other.get("labelEn"),
                    number(other.get("items"))));
        }
        List<Release.SuppressedCell> cells = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) audit.get("cells")) {
            EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
            ((List<String>) c.get("reasons")).forEach(r -> reasons.add(ReasonCode.valueOf(r)));
            cells.add(new Release.SuppressedCell((String) c.get("cell"), reasons, (Boolean) c.get("published")));
        }
        Map<String, Object> p = (Map<String, Object>) audit.get("parameters");
        Map<String, Object> s = (Map<String, Object>) audit.get("statistics");
        Release release = new Release((String) root.get("releaseId"), (String) root.get("snapshotId"),
                (String) root.get("algorithmVersion"),
                new DisclosureParameters((int) number(p.get("k")), (int) number(p.get("groupMinimum")),
                        (int) number(p.get("intervalMinimum")), ((Number) p.get("intervalFraction")).doubleValue(),
                        (int) number(p.get("poolMinimum"))),
                AuditScope.valueOf((String) audit.get("auditScope")), population, tables, concentration,
                new Release.ReleaseAudit(cells, escalations, (List<String>) audit.get("unnamedItems"),
                        new Release.AuditStatistics((int) number(s.get("components")),
                                (int) number(s.get("publishedCells")), (int) number(s.get("primaryCells")),
                                (int) number(s.get("suppressedCells")), number(s.get("linearPrograms")),
                                number(s.get("profiles")))));
        if (!Arrays.equals(release.json(), json) || !Arrays.equals(release.auditJson(), auditJson)) {
            throw new DisclosureException("stored release " + release.releaseId() + " does not read back as stored");
        }
        return new PriorRelease(request, release);
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return ObjectMapper.getDefault().readValue(json, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Release.Count count(Object value) {
        Map<String, Object> m = (Map<String, Object>) value;
        return Boolean.TRUE.equals(m.get("suppressed")) ? Release.Count.hidden()
                : Release.Count.of(number(m.get("count")));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String str(List<Object> list, int i) {
        return (String) list.get(i);
    }
}
