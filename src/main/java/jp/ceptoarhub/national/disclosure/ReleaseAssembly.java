package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns protected components into the release: published rows with their counts, and the audit part. */
final class ReleaseAssembly {
    private ReleaseAssembly() {
    }

    static Release assemble(ReleaseRequest request, IndexedRequest current, DisclosureParameters parameters,
                            AuditScope scope, List<List<QuestionTable>> components,
                            List<ComponentProtection.Result> results, List<PriorRelease> priors) {
        Population population = request.population();
        int[] groupN = new int[population.groups().size()];
        for (int r = 0; r < current.respondentCount; r++) {
            groupN[current.groupOf[r]]++;
        }
        List<Release.GroupPopulation> groups = new ArrayList<>();
        for (int g = 0; g < groupN.length; g++) {
            Population.BaseGroup group = population.groups().get(g);
            groups.add(new Release.GroupPopulation(group.id(), group.labelJa(), group.labelEn(), group.ceptoarCode(),
                    population.ceptoar(group.ceptoarCode()).sectorCode(), group.financeNonSettlement(), groupN[g]));
        }
        Map<String, Release.TableRelease> byQuestion = new HashMap<>();
        List<Release.SuppressedCell> auditCells = new ArrayList<>();
        List<String> escalations = new ArrayList<>();
        long linearPrograms = 0;
        long profiles = 0;
        int published = 0;
        int primaries = 0;
        int suppressed = 0;
        for (int i = 0; i < components.size(); i++) {
            ComponentProtection.Result result = results.get(i);
            CoverTable cover = result.cover();
            for (int t = 0; t < cover.tables.size(); t++) {
                byQuestion.put(cover.tables.get(t).id(), table(cover, t, result));
            }
            for (Cell c : cover.cells) {
                boolean hidden = result.hidden()[c.index];
                published += c.published() ? 1 : 0;
                primaries += c.primary() ? 1 : 0;
                suppressed += hidden ? 1 : 0;
                if (hidden || (!c.published() && c.primary())) {
                    EnumSet<ReasonCode> reasons = c.primary() ? EnumSet.copyOf(c.reasons)
                            : EnumSet.of(ReasonCode.COMPLEMENTARY);
                    auditCells.add(new Release.SuppressedCell(c.key, reasons, c.published()));
                }
            }
            escalations.addAll(result.escalations());
            linearPrograms += result.linearPrograms();
            profiles += result.profiles();
        }
        List<Release.TableRelease> tables = request.questions().stream().map(q -> byQuestion.get(q.id())).toList();
        List<Release.ConcentrationRelease> concentration = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (DependencyTable table : request.dependencyTables()) {
            ConcentrationRule.Outcome outcome = ConcentrationRule.apply(table, current, parameters, priors);
            concentration.add(outcome.release());
            unnamed.addAll(outcome.unnamed());
        }
        Release.AuditStatistics statistics = new Release.AuditStatistics(components.size(), published, primaries,
                suppressed, linearPrograms, profiles);
        return new Release(request.releaseId(), request.snapshotId(), DisclosureControl.ALGORITHM_VERSION, parameters,
                scope, groups, tables, concentration,
                new Release.ReleaseAudit(auditCells, escalations, unnamed, statistics));
    }

    private static Release.TableRelease table(CoverTable cover, int t, ComponentProtection.Result result) {
        QuestionTable q = cover.tables.get(t);
        List<Release.RowRelease> rows = new ArrayList<>();
        for (Row row : cover.plan.rows) {
            if (!row.published() || row.partition() >= cover.partitions) {
                continue;
            }
            if (row.partition() > 0 && cover.bandTallies[t].length == 0) {
                continue;
            }
            List<Release.Count> options = new ArrayList<>();
            for (int i = 0; i < q.options().size() && row.partition() == 0; i++) {
                options.add(count(cover, result, q.id(), row, cover.tallyKey(t, 1L << i)));
            }
            List<Release.Count> headlines = new ArrayList<>();
            for (QuestionTable.Headline h : q.headlines()) {
                headlines.add(count(cover, result, q.id(), row, cover.tallyKey(t, q.mask(h.optionIds()))));
            }
            Release.Count respondents;
            int parent = cover.parentTable(t);
            if (parent < 0) {
                long firstTally = row.partition() == 0 ? 1L : cover.bandTallies[t][0];
                respondents = Release.Count.of(cover.byKey.get(CoverTable.key(q.id(), row.id(),
                        cover.tallyKey(t, firstTally))).total);
            } else {
                respondents = count(cover, result, cover.tables.get(parent).id(), row,
                        cover.tallyKey(parent, cover.conditionMask(t)));
            }
            List<String> groupIds = new ArrayList<>();
            String dimension = null;
            String band = null;
            if (row.partition() == 0) {
                for (int part : row.parts()) {
                    groupIds.add(cover.partKeys.get(0).get(part));
                }
            } else {
                Population.BandDimension dim = cover.epochs[0].data.population.bandDimensions()
                        .get(row.partition() - 1);
                dimension = dim.id();
                band = dim.bands().get(row.parts()[0]).code();
            }
            rows.add(new Release.RowRelease(row.id(), row.kind().name(), row.labelJa(), row.labelEn(), groupIds,
                    dimension, band, respondents, options, headlines));
        }
        return new Release.TableRelease(q, rows, result.withheld());
    }

    private static Release.Count count(CoverTable cover, ComponentProtection.Result result, String tableId, Row row,
                                       String tallyKey) {
        Cell c = cover.byKey.get(CoverTable.key(tableId, row.id(), tallyKey));
        return result.hidden()[c.index] ? Release.Count.hidden() : Release.Count.of(c.n);
    }
}
