package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The readiness questionnaire catalogue, loaded once from reference-data/assessment-catalogue-fy2024.json: the
 * FY2024 edition of NISC's 安全基準等の浸透状況に関する調査 (内閣サイバーセキュリティセンター 制度総括班, 「重要インフラ
 * における安全基準等の浸透状況に関する調査結果について［2024年度］」, 令和7年6月, 別冊), with the FY2023 numbering as a
 * crosswalk; FY2023-only questions are not part of it. Question and option ids are the catalogue's stable ids; an
 * option is identified by question id + option id.
 *
 * <p>Every option says where it comes from ({@link Origin}): SOURCE options are never invented (each cites the
 * printed list, chart or narrative it is taken from); PRODUCT options are the choices the source does not print but a
 * truthful answer needs where the printed list is incomplete: 「該当なし」 (none), a measure not in the known list in
 * the member's own words (unlisted), and not-applicable. Whether an answer counts as implemented is each question's
 * {@link ImplementationRule}, evaluated by {@link #implementation}. Public so that other features (national
 * summaries) reuse the one loaded copy and the one rule.
 */
@Singleton
public class AssessmentCatalogue {
    /** The catalogue version stored with every answer and snapshot. */
    public static final String VERSION = "fy2024";
    static final String RESOURCE = "reference-data/assessment-catalogue-fy2024.json";

    public enum AnswerKind { SINGLE_CHOICE, MULTI_CHOICE, FREE_TEXT, UNKNOWN }

    /** OTHER is a free-text slot (「その他」 or the product's "unlisted"); NOT_APPLICABLE leaves the rate's population. */
    public enum OptionKind { SUBSTANTIVE, NONE, OTHER, NO_ANSWER, NOT_APPLICABLE }

    /** SOURCE: printed in (or quoted from) the survey documents; PRODUCT: a choice the product adds. */
    public enum Origin { SOURCE, PRODUCT }

    public record Section(String id, @Nullable String titleJa, String titleEn) {
        public String title(Labels lang) {
            return titleJa == null ? titleEn : lang.pick(titleJa, titleEn);
        }
    }

    /**
     * @param countsAsImplemented the option is in its question's {@code implementationRule.countingOptionIds}
     * @param labelVerbatim       the label is printed as an option label in the source (false for labels quoted
     *                            from narrative or chart titles, and for PRODUCT options)
     */
    public record Option(String id, String labelJa, String labelEn, OptionKind kind, Origin origin,
                         String implementationStatus, boolean countsAsImplemented, boolean selectable,
                         boolean labelVerbatim) {
        public String label(Labels lang) {
            return lang.pick(labelJa, labelEn);
        }

        /** A free-text slot (「その他」, "unlisted"): the answer must carry otherText. */
        public boolean requiresText() {
            return kind == OptionKind.OTHER;
        }

        /** A negative or not-applicable answer: it excludes every other option. */
        public boolean exclusive() {
            return kind == OptionKind.NONE || kind == OptionKind.NOT_APPLICABLE;
        }
    }

    /** How an answer maps to the FY2023 edition: its number there and how its options compare (crosswalkFy2023). */
    public record Crosswalk(@Nullable String number, String answers, @Nullable String note) {
    }

    public record Question(String id, int order, @Nullable String numberFy2024, @Nullable String numberFy2023,
                           @Nullable String printedLabelFy2024, String displayNumber, String sectionId,
                           @Nullable String titleJa,
                           @Nullable String titleEn, @Nullable String textJa, @Nullable String textEn,
                           AnswerKind answerKind,
                           String optionsStatus, boolean respondentAttribute, @Nullable String followUpOf,
                           boolean presentInSource, List<String> guidelineSections, List<Option> options,
                           ImplementationRule rule, Crosswalk crosswalkFy2023) {
        /** The question text; placeholders without a published text fall back to their title. */
        public String text(Labels lang) {
            if (textJa == null && textEn == null) {
                return titleEn != null ? titleEn : id;
            }
            return textJa == null ? textEn : lang.pick(textJa, textEn);
        }

        public @Nullable String title(Labels lang) {
            if (titleJa == null) {
                return titleEn;
            }
            return lang.pick(titleJa, titleEn);
        }


        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }

        /** Whether the question is answered by choosing options (it has a selectable option list). */
        public boolean choice() {
            return options.stream().anyMatch(Option::selectable);
        }

        public boolean single() {
            return answerKind == AnswerKind.SINGLE_CHOICE;
        }
    }

    private final List<Section> sections;
    private final List<Question> questions;
    private final Map<String, Question> byId;
    private final String titleJa;
    private final String editionLabelJa;
    private final String referenceDate;
    private final int revision;
    private final Set<String> nothingPhrases;

    AssessmentCatalogue(JsonMapper json) {
        Map<String, Object> root;
        try (InputStream in = Objects.requireNonNull(AssessmentCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE)) {
            root = json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, Object> info = map(root.get("editionInfo"));
        this.titleJa = (String) info.get("titleJa");
        this.editionLabelJa = (String) info.get("editionLabelJa");
        this.referenceDate = (String) info.get("referenceDate");
        this.revision = ((Number) root.get("revision")).intValue();
        Set<String> phrases = new HashSet<>();
        for (Object p : list(map(root.get("freeTextRules")).get("nothingPhrasesJa"))) {
            phrases.add(normalise((String) p));
        }
        this.nothingPhrases = Set.copyOf(phrases);
        List<Section> s = new ArrayList<>();
        for (Object o : list(root.get("sections"))) {
            Map<String, Object> m = map(o);
            s.add(new Section((String) m.get("id"), (String) m.get("titleJa"), (String) m.get("titleEn")));
        }
        List<Question> q = new ArrayList<>();
        Map<String, Question> ids = new LinkedHashMap<>();
        int order = 0;
        for (Object o : list(root.get("questions"))) {
            Map<String, Object> m = map(o);
            List<Option> options = new ArrayList<>();
            for (Object op : list(m.get("options"))) {
                Map<String, Object> om = map(op);
                Origin origin = Origin.valueOf((String) om.get("origin"));
                if (origin == Origin.PRODUCT && om.get("productNote") == null) {
                    throw new IllegalStateException(RESOURCE + ": product-defined option " + m.get("id") + "/"
                            + om.get("id") + " needs a productNote");
                }
                options.add(new Option((String) om.get("id"), (String) om.get("labelJa"), (String) om.get("labelEn"),
                        OptionKind.valueOf((String) om.get("kind")), origin, (String) om.get("implementationStatus"),
                        Boolean.TRUE.equals(om.get("countsAsImplemented")),
                        !Boolean.FALSE.equals(om.get("respondentSelectable")),
                        origin == Origin.SOURCE && !Boolean.FALSE.equals(om.get("labelVerbatim"))
                                && !Boolean.TRUE.equals(om.get("labelReconstructed"))));
            }
            List<String> guideline = new ArrayList<>();
            for (Object g : list(m.get("guidelineSections"))) {
                guideline.add(String.valueOf(g));
            }
            String number = (String) m.get("numberFy2024");
            String parent = (String) map(m.get("followUpOf")).get("questionId");
            Question parentQuestion = parent == null ? null : ids.get(parent);
            // 設問N as printed; a follow-up without a number of its own: its question's number + 付問 (follow-up);
            // the unnumbered respondent attributes: 基礎情報
            String display = number != null && !number.equals("I.") ? number
                    : parentQuestion != null ? parentQuestion.displayNumber() + " 付問"
                    : "I.".equals(number) ? "基礎情報" : (String) m.get("id");
            Map<String, Object> cw = map(m.get("crosswalkFy2023"));
            Question question = new Question((String) m.get("id"), ++order, number,
                    (String) m.get("numberFy2023"), (String) m.get("printedLabelFy2024"), display,
                    (String) m.get("sectionId"),
                    (String) m.get("titleJa"), (String) m.get("titleEn"), (String) m.get("textJa"),
                    (String) m.get("textEn"), AnswerKind.valueOf((String) m.get("answerKind")),
                    (String) m.get("optionsStatus"), Boolean.TRUE.equals(m.get("respondentAttribute")),
                    parent, !Boolean.FALSE.equals(m.get("presentInSource")),
                    List.copyOf(guideline), List.copyOf(options), rule((String) m.get("id"),
                    map(m.get("implementationRule")), options),
                    new Crosswalk((String) cw.get("number"), (String) cw.get("answers"), (String) cw.get("note")));
            if (ids.put(question.id(), question) != null) {
                throw new IllegalStateException("duplicate question id in " + RESOURCE + ": " + question.id());
            }
            q.add(question);
        }
        this.sections = List.copyOf(s);
        this.questions = List.copyOf(q);
        this.byId = Collections.unmodifiableMap(ids);
        for (Question question : questions) {
            var population = question.rule().population();
            if (population != null && !byId.containsKey(population.questionId())) {
                throw new IllegalStateException(RESOURCE + ": " + question.id() + " population names an unknown "
                        + "question " + population.questionId());
            }
        }
    }

    /** Reads a question's implementationRule and checks it against the question's options (fails the start-up). */
    private static ImplementationRule rule(String questionId, Map<String, Object> m, List<Option> options) {
        if (m.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + questionId + " has no implementationRule");
        }
        boolean scored = Boolean.TRUE.equals(m.get("scored"));
        List<String> counting = strings(m.get("countingOptionIds"));
        List<String> notApplicable = strings(m.get("notApplicableOptionIds"));
        String uncoded = (String) m.get("uncodedOtherText");
        Map<String, Object> population = map(m.get("population"));
        ImplementationRule rule = new ImplementationRule(scored, counting,
                uncoded == null ? null : ImplementationRule.UncodedText.valueOf(uncoded), notApplicable,
                population.isEmpty() ? null : new ImplementationRule.Population((String) population.get("questionId"),
                        ImplementationRule.Status.valueOf((String) population.get("implementation"))),
                (String) m.get("basis"), (String) m.get("basisJa"), (String) m.get("sourceLines"),
                (String) m.get("note"), (String) m.get("reason"));
        List<String> problems = new ArrayList<>();
        for (String id : counting) {
            if (options.stream().noneMatch(o -> o.id().equals(id) && o.kind() == OptionKind.SUBSTANTIVE)) {
                problems.add("counting option " + id + " is not a SUBSTANTIVE option");
            }
        }
        for (String id : notApplicable) {
            if (options.stream().noneMatch(o -> o.id().equals(id) && o.kind() == OptionKind.NOT_APPLICABLE)) {
                problems.add("not-applicable option " + id + " is not a NOT_APPLICABLE option");
            }
        }
        for (Option o : options) {
            if (o.countsAsImplemented() != counting.contains(o.id())) {
                problems.add("option " + o.id() + " countsAsImplemented disagrees with countingOptionIds");
            }
        }
        boolean text = options.stream().anyMatch(Option::requiresText);
        if (scored && text != (uncoded != null)) {
            problems.add("uncodedOtherText is required exactly when the question has a free-text option");
        }
        if (!scored && m.get("reason") == null) {
            problems.add("an unscored rule needs a reason");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + questionId + ": " + String.join("; ", problems));
        }
        return rule;
    }

    /**
     * The implementation status of one answer (current or frozen): its option ids, its free text and the
     * secretariat's coding of that text ({@code code} and {@code codedOptionId}, null when uncoded). Needs nothing
     * else: see {@link ImplementationRule#evaluate}. An unknown question is NOT_SCORED.
     */
    public ImplementationRule.Status implementation(String questionId, List<String> optionIds,
                                                    @Nullable String otherText, @Nullable TextCoding.Code code,
                                                    @Nullable String codedOptionId) {
        Question q = byId.get(questionId);
        if (q == null) {
            return ImplementationRule.Status.NOT_SCORED;
        }
        return q.rule().evaluate(q, optionIds, otherText, code, codedOptionId, this::saysNothing);
    }

    /**
     * Whether a free text says only that nothing is done (「特になし」, 「該当なし」, …; freeTextRules): compared after
     * NFKC, without whitespace and trailing punctuation, Latin letters case-insensitively.
     */
    public boolean saysNothing(@Nullable String text) {
        return text != null && nothingPhrases.contains(normalise(text));
    }

    private static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .replaceAll("[。．.、,]+$", "");
        return n.toLowerCase(Locale.ROOT);
    }

    public String version() {
        return VERSION;
    }

    /** The survey's printed name (安全基準等の浸透状況に関する調査). */
    public String titleJa() {
        return titleJa;
    }

    /** The edition as printed beside the title, e.g. [2024年度]. */
    public String editionLabelJa() {
        return editionLabelJa;
    }

    /** The revision of the catalogue file within the edition (2: answers and rules of issue 10). */
    public int revision() {
        return revision;
    }

    /** The survey's own reference date of the edition (調査基準日), e.g. 2024-09-30. */
    public String editionReferenceDate() {
        return referenceDate;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Question> questions() {
        return questions;
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The questions that count for completeness on the freshness dashboard: every question answered by choosing
     * options (every question of the edition except free-text questions, the placeholders 設問58–60 and the
     * respondent attributes 基礎情報: sector, employees, capital, which are the member's profile fields).
     */
    public List<Question> requiredForCompleteness() {
        return questions.stream().filter(q -> q.choice() && !q.respondentAttribute()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
