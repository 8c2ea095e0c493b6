package jp.ceptoarhub.national;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.MemberSummary;
import jp.ceptoarhub.national.disclosure.Population;
import jp.ceptoarhub.national.disclosure.QuestionTable;
import jp.ceptoarhub.national.disclosure.ReleaseRequest;
import jp.ceptoarhub.reference.ReferenceService;
import jp.ceptoarhub.selfassessment.AcceptedAnswers;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes the snapshot of a release: for every active CEPTOAR tenant that contributes ({@link Contributions}), the
 * members with an accepted submission to a campaign of the reference date and their frozen answers, as one
 * {@link ReleaseRequest}. Each CEPTOAR tenant is one
 * base group (its CEPTOAR); its sector is the CEPTOAR directory's, else that of most of its respondents. 金融 groups
 * other than 資金決済 are flagged so that 全分野（金融（資金決済以外）を除く） can be published as NISC does.
 * <p>
 * Members are keyed {@code <tenant code>:<member id>} inside the snapshot; those keys never leave the national
 * tenant's storage.
 */
@Singleton
class NationalSnapshots {
    static final String NO_ANSWER = "no-answer";
    private static final String FINANCE = "FINANCE";
    private static final String FUNDS_SETTLEMENT = "FUNDS_SETTLEMENT";

    private final TenantDirectory tenants;
    private final MemberService members;
    private final AcceptedAnswers accepted;
    private final AssessmentCatalogue catalogue;
    private final ReferenceService reference;
    private final Contributions contributions;

    NationalSnapshots(TenantDirectory tenants, MemberService members, AcceptedAnswers accepted,
                      AssessmentCatalogue catalogue, ReferenceService reference, Contributions contributions) {
        this.tenants = tenants;
        this.members = members;
        this.accepted = accepted;
        this.catalogue = catalogue;
        this.reference = reference;
        this.contributions = contributions;
    }

    /** The questions of the catalogue that summaries publish, as frequency tables. */
    List<QuestionTable> questions() {
        List<QuestionTable> tables = new ArrayList<>();
        for (AssessmentCatalogue.Question q : catalogue.questions()) {
            if (q.respondentAttribute() || q.followUpOf() != null || !q.choice()
                    || (q.answerKind() != AssessmentCatalogue.AnswerKind.SINGLE_CHOICE
                    && q.answerKind() != AssessmentCatalogue.AnswerKind.MULTI_CHOICE)) {
                continue;
            }
            boolean single = q.single();
            List<QuestionTable.Option> options = new ArrayList<>();
            List<String> implemented = new ArrayList<>();
            boolean noAnswer = false;
            for (AssessmentCatalogue.Option o : q.options()) {
                if (!o.selectable() && o.kind() != AssessmentCatalogue.OptionKind.NO_ANSWER) {
                    continue;
                }
                boolean isNoAnswer = o.kind() == AssessmentCatalogue.OptionKind.NO_ANSWER;
                noAnswer |= isNoAnswer;
                options.add(new QuestionTable.Option(o.id(), o.labelJa(), o.labelEn(), isNoAnswer,
                        !single && o.exclusive()));
                if (o.countsAsImplemented()) {
                    implemented.add(o.id());
                }
            }
            if (!noAnswer) {
                options.add(new QuestionTable.Option(NO_ANSWER, "無回答", "No answer", true, false));
            }
            List<QuestionTable.Headline> headlines = implemented.isEmpty() ? List.of()
                    : List.of(new QuestionTable.Headline("implemented", "実施", "Implemented", implemented));
            String label = q.numberFy2024() == null ? q.displayNumber() : q.numberFy2024();
            tables.add(new QuestionTable(q.id(), label + " " + q.text(Labels.JA), label + " " + q.text(Labels.EN),
                    single ? QuestionTable.Choice.SINGLE : QuestionTable.Choice.MULTIPLE, options, null, headlines,
                    false));
        }
        return tables;
    }

    ReleaseRequest take(CurrentUser caller, String releaseId, LocalDate referenceDate) {
        List<QuestionTable> questions = questions();
        Map<String, Set<String>> optionIds = new HashMap<>();
        questions.forEach(q -> {
            Set<String> ids = new HashSet<>();
            q.options().forEach(o -> ids.add(o.id()));
            optionIds.put(q.id(), ids);
        });
        Map<String, ReferenceService.CeptoarEntry> directory = new HashMap<>();
        reference.ceptoars(Labels.JA).forEach(c -> directory.put(c.code(), c));
        Map<String, ReferenceService.Sector> sectors = new LinkedHashMap<>();
        reference.sectors(Labels.JA).forEach(s -> sectors.put(s.code(), s));

        List<Population.Ceptoar> ceptoars = new ArrayList<>();
        List<Population.BaseGroup> groups = new ArrayList<>();
        List<Population.Respondent> respondents = new ArrayList<>();
        Set<String> usedSectors = new HashSet<>();
        Map<String, Map<String, List<String>>> answers = new TreeMap<>();
        for (Tenant tenant : tenants.ceptoarTenants()) {
            if (!tenant.active() || !contributions.contributes(tenant.id())) {
                continue;
            }
            List<AcceptedAnswers.MemberAnswers> submitted = accepted.forNationalSnapshot(caller, tenant.id(),
                    referenceDate);
            if (submitted.isEmpty()) {
                continue;
            }
            Map<Long, MemberSummary> memberById = new HashMap<>();
            members.allOfTenant(tenant.id()).forEach(m -> memberById.put(m.id(), m));
            ReferenceService.CeptoarEntry entry = tenant.ceptoarCode() == null ? null
                    : directory.get(tenant.ceptoarCode());
            Map<String, Integer> sectorVotes = new TreeMap<>();
            boolean settlement = entry != null && FUNDS_SETTLEMENT.equals(entry.subSectorCode());
            List<AcceptedAnswers.MemberAnswers> contributing = new ArrayList<>();
            for (AcceptedAnswers.MemberAnswers m : submitted) {
                MemberSummary summary = memberById.get(m.memberOperatorId());
                if (summary == null || !summary.member()) {
                    continue;   // a non-member recipient or a suspended member does not contribute
                }
                contributing.add(m);
                sectorVotes.merge(summary.sectorCode(), 1, Integer::sum);
                settlement |= entry == null && FUNDS_SETTLEMENT.equals(summary.subSectorCode());
            }
            if (contributing.isEmpty()) {
                continue;
            }
            String sector = entry != null ? entry.sectorCode() : sectorVotes.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            usedSectors.add(sector);
            String group = tenant.code();
            ceptoars.add(new Population.Ceptoar(group, tenant.nameJa(), tenant.nameEn(), sector));
            groups.add(new Population.BaseGroup(group, tenant.nameJa(), tenant.nameEn(), group,
                    FINANCE.equals(sector) && !settlement));
            for (AcceptedAnswers.MemberAnswers m : contributing) {
                String key = tenant.code() + ":" + m.memberOperatorId();
                respondents.add(new Population.Respondent(key, group, key, Map.of()));
                m.answers().forEach((question, chosen) -> {
                    Set<String> known = optionIds.get(question);
                    if (known == null) {
                        return;
                    }
                    List<String> kept = chosen.stream().filter(known::contains).toList();
                    if (!kept.isEmpty()) {
                        answers.computeIfAbsent(question, k -> new TreeMap<>()).put(key, kept);
                    }
                });
            }
        }
        List<Population.Sector> sectorList = new ArrayList<>();
        sectors.values().stream().filter(s -> usedSectors.contains(s.code()))
                .forEach(s -> sectorList.add(new Population.Sector(s.code(), s.nameJa(), s.nameEn())));
        Population population = new Population(sectorList, ceptoars, groups, respondents, List.of());
        return new ReleaseRequest(releaseId, "snapshot-" + releaseId + "-" + referenceDate, population, questions,
                answers, List.of());
    }
}
