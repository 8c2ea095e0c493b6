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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The readiness questionnaire catalogue, loaded once from reference-data/assessment-catalogue-fy2024.json (the
 * FY2024 edition; FY2023-only questions are not part of it). Question and option ids are the catalogue's stable
 * ids; an option is identified by question id + option id. Options are never invented: a question whose
 * optionsStatus is NOT_IN_SOURCE (or a free-text question) has no options and is answered in free text only.
 * Public so that other features (e.g. national summaries) can reuse the one loaded copy.
 */
@Singleton
public class AssessmentCatalogue {
    /** The catalogue version stored with every answer and snapshot. */
    public static final String VERSION = "fy2024";
    static final String RESOURCE = "reference-data/assessment-catalogue-fy2024.json";

    public enum AnswerKind { SINGLE_CHOICE, MULTI_CHOICE, FREE_TEXT, UNKNOWN }

    public enum OptionKind { SUBSTANTIVE, NONE, OTHER, NO_ANSWER }

    public record Section(String id, @Nullable String titleJa, String titleEn) {
        public String title(Labels lang) {
            return titleJa == null ? titleEn : lang.pick(titleJa, titleEn);
        }
    }

    public record Option(String id, String labelJa, String labelEn, OptionKind kind, String implementationStatus,
                         boolean countsAsImplemented, boolean selectable) {
        public String label(Labels lang) {
            return lang.pick(labelJa, labelEn);
        }

        /** 「その他」: the answer must carry otherText. */
        public boolean requiresText() {
            return kind == OptionKind.OTHER;
        }
    }

    public record Question(String id, int order, @Nullable String numberFy2024, @Nullable String numberFy2023,
                           @Nullable String printedLabelFy2024, String displayNumber, String sectionId,
                           @Nullable String titleJa,
                           @Nullable String titleEn, @Nullable String textJa, @Nullable String textEn,
                           AnswerKind answerKind,
                           String optionsStatus, boolean respondentAttribute, @Nullable String followUpOf,
                           boolean presentInSource, List<String> guidelineSections, List<Option> options) {
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
    private final String referenceDate;

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
        this.referenceDate = (String) info.get("referenceDate");
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
                options.add(new Option((String) om.get("id"), (String) om.get("labelJa"), (String) om.get("labelEn"),
                        OptionKind.valueOf((String) om.get("kind")), (String) om.get("implementationStatus"),
                        Boolean.TRUE.equals(om.get("countsAsImplemented")),
                        !Boolean.FALSE.equals(om.get("respondentSelectable"))));
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
            Question question = new Question((String) m.get("id"), ++order, number,
                    (String) m.get("numberFy2023"), (String) m.get("printedLabelFy2024"), display,
                    (String) m.get("sectionId"),
                    (String) m.get("titleJa"), (String) m.get("titleEn"), (String) m.get("textJa"),
                    (String) m.get("textEn"), AnswerKind.valueOf((String) m.get("answerKind")),
                    (String) m.get("optionsStatus"), Boolean.TRUE.equals(m.get("respondentAttribute")),
                    parent, !Boolean.FALSE.equals(m.get("presentInSource")),
                    List.copyOf(guideline), List.copyOf(options));
            if (ids.put(question.id(), question) != null) {
                throw new IllegalStateException("duplicate question id in " + RESOURCE + ": " + question.id());
            }
            q.add(question);
        }
        this.sections = List.copyOf(s);
        this.questions = List.copyOf(q);
        this.byId = Collections.unmodifiableMap(ids);
    }

    public String version() {
        return VERSION;
    }

    public String titleJa() {
        return titleJa;
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
     * The questions that count for completeness on the freshness dashboard: every question with a selectable
     * option list, except the respondent attributes (基礎情報: sector, employees, capital), which are the member's
     * profile fields rather than self-assessment answers.
     */
    public List<Question> requiredForCompleteness() {
        return questions.stream().filter(q -> q.choice() && !q.respondentAttribute()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
