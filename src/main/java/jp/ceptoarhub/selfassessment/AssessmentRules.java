package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.OptionKind;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of answers and campaigns. Text is NFKC-normalised and stripped; every error names its field (with a
 * prefix such as {@code answers[3].} in a batch); nothing is written unless the whole input is valid.
 *
 * <p>Answer rules: a question with options (source options, and where the printed list is incomplete the
 * product-defined "none", "unlisted" and not-applicable options) is answered with option ids of that question only:
 * a single-choice question with exactly one, a multiple-choice question with at least one, no duplicates, and a
 * negative or not-applicable option (kind NONE, NOT_APPLICABLE) not together with other options. Options the
 * catalogue marks not selectable (無回答, a result category) are refused: an unanswered question is simply left
 * without an answer. A free-text option (「その他」, "unlisted") requires {@code otherText}, and a text that only says
 * that nothing is done (「特になし」, the catalogue's freeTextRules) is refused there: the question's negative option is
 * the truthful answer. {@code otherText} is refused on a choice answer without a free-text option ({@code notes} is
 * the place for remarks). A question without options (a free-text question, and the respondent attributes whose
 * list is not in the sources) takes no option ids and is answered in {@code otherText}, which is then required.
 *
 * <p>Coding rules (the secretariat's {@link TextCoding}): {@code code} is IMPLEMENTED, NOT_IMPLEMENTED or
 * KNOWN_OPTION; KNOWN_OPTION names {@code optionId}, a selectable option of the question other than a free-text one;
 * a text that says nothing cannot be coded IMPLEMENTED.
 */
@Singleton
class AssessmentRules {
    static final int OTHER_TEXT_MAX = 4000;
    static final int NOTES_MAX = 2000;
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    static final int COMMENT_MAX = 2000;
    static final int BATCH_MAX = 200;

    private final AssessmentCatalogue catalogue;

    AssessmentRules(AssessmentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The errors of one answer to {@code q}; the valid answer is returned through {@code out} when there are none. */
    List<FieldError> validate(String prefix, Question q, @Nullable List<String> optionIds, @Nullable String otherText,
                              @Nullable String notes, List<AnswerData> out) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ids = optionIds == null ? List.of() : optionIds;
        String other = bounded(errors, prefix + "otherText", otherText, OTHER_TEXT_MAX);
        String note = bounded(errors, prefix + "notes", notes, NOTES_MAX);
        String where = q.displayNumber() + " (" + q.id() + ")";
        if (!q.presentInSource()) {
            errors.add(new FieldError(prefix + "questionId", where + " is a placeholder for a question that is not in "
                    + "the published FY2024 text; it cannot be answered"));
            return errors;
        }
        if (!q.choice()) {
            if (!ids.isEmpty()) {
                errors.add(new FieldError(prefix + "optionIds", "NOT_IN_SOURCE".equals(q.optionsStatus())
                        ? where + " has no option list in the published sources (optionsStatus NOT_IN_SOURCE; options "
                        + "are never invented): answer it in free text (otherText) only, without optionIds"
                        : where + " is a free-text question: answer it in otherText, without optionIds"));
            } else if (other == null && errors.stream().noneMatch(e -> e.field().equals(prefix + "otherText"))) {
                errors.add(new FieldError(prefix + "otherText", "is required: " + where + " is answered in free text"));
            }
            if (errors.isEmpty()) {
                out.add(new AnswerData(q.id(), List.of(), other, note));
            }
            return errors;
        }
        List<AssessmentCatalogue.Option> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = prefix + "optionIds[" + i + "]";
            String id = ids.get(i) == null ? null : ids.get(i).strip();
            if (id == null || id.isEmpty()) {
                errors.add(new FieldError(field, "is required (an option id of " + where + ")"));
                continue;
            }
            var option = q.option(id);
            if (option.isEmpty()) {
                errors.add(new FieldError(field, "'" + abbreviate(id) + "' is not an option of " + where + "; one of "
                        + q.options().stream().filter(AssessmentCatalogue.Option::selectable)
                        .map(AssessmentCatalogue.Option::id).toList()));
            } else if (!option.get().selectable()) {
                errors.add(new FieldError(field, "'" + id + "' is a result category of the survey, not a selectable "
                        + "answer; leave the question unanswered (DELETE the answer) instead"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError(field, "'" + id + "' is given twice"));
            } else {
                chosen.add(option.get());
            }
        }
        if (ids.isEmpty()) {
            String ownWords = q.options().stream().filter(o -> o.requiresText() && o.selectable()).findFirst()
                    .map(o -> "; to answer in your own words choose '" + o.id() + "' with otherText").orElse("");
            errors.add(new FieldError(prefix + "optionIds", (q.single()
                    ? "exactly one option is required (" + where + " is single choice)"
                    : "at least one option is required (" + where + " is multiple choice)") + ownWords));
        } else if (q.single() && ids.size() > 1) {
            errors.add(new FieldError(prefix + "optionIds", where + " is single choice: give exactly one option, not "
                    + ids.size()));
        } else if (chosen.size() > 1 && chosen.stream().anyMatch(AssessmentCatalogue.Option::exclusive)) {
            AssessmentCatalogue.Option exclusive = chosen.stream().filter(AssessmentCatalogue.Option::exclusive)
                    .findFirst().orElseThrow();
            errors.add(new FieldError(prefix + "optionIds", "'" + exclusive.id() + "' ("
                    + (exclusive.kind() == OptionKind.NONE ? "a negative answer" : "the question does not apply")
                    + ") cannot be combined with other options"));
        }
        boolean otherChosen = chosen.stream().anyMatch(AssessmentCatalogue.Option::requiresText);
        var none = q.options().stream().filter(o -> o.kind() == OptionKind.NONE && o.selectable()).findFirst();
        if (otherChosen && other == null && errors.stream().noneMatch(e -> e.field().equals(prefix + "otherText"))) {
            errors.add(new FieldError(prefix + "otherText", "is required with the option '" + chosen.stream()
                    .filter(AssessmentCatalogue.Option::requiresText).findFirst().orElseThrow().id()
                    + "' (describe it in your own words)"));
        } else if (otherChosen && catalogue.saysNothing(other) && none.isPresent()) {
            errors.add(new FieldError(prefix + "otherText", "「" + other + "」 says that nothing is done: choose '"
                    + none.get().id() + "' (" + none.get().labelJa() + ") instead of describing it as text"));
        } else if (!otherChosen && other != null && q.options().stream().anyMatch(AssessmentCatalogue.Option::requiresText)
                && errors.stream().noneMatch(e -> e.field().startsWith(prefix + "optionIds"))) {
            errors.add(new FieldError(prefix + "otherText", "is only for the free-text option ("
                    + q.options().stream().filter(AssessmentCatalogue.Option::requiresText)
                    .map(AssessmentCatalogue.Option::id).toList() + "); put remarks in notes"));
        } else if (!otherChosen && other != null && q.options().stream().noneMatch(AssessmentCatalogue.Option::requiresText)) {
            errors.add(new FieldError(prefix + "otherText", where + " has no free-text option; put remarks in notes"));
        }
        if (errors.isEmpty()) {
            // keep the catalogue's order so that equal answers compare equal
            List<String> ordered = q.options().stream().filter(chosen::contains).map(AssessmentCatalogue.Option::id)
                    .toList();
            out.add(new AnswerData(q.id(), ordered, other, note));
        }
        return errors;
    }

    AnswerData valid(Question q, AssessmentCommands.AnswerInput in) {
        List<AnswerData> out = new ArrayList<>();
        List<FieldError> errors = validate("", q, in.optionIds(), in.otherText(), in.notes(), out);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return out.getFirst();
    }

    /**
     * The secretariat's coding of {@code text} (the answer's free text) as given; 400 naming {@code code},
     * {@code optionId} or {@code comment}.
     */
    TextCoding coding(Question q, AssessmentCommands.CodingInput in, String text, String by, String subject,
                      Instant at) {
        List<FieldError> errors = new ArrayList<>();
        String c = text(in.code());
        TextCoding.Code code = null;
        if (c == null) {
            errors.add(new FieldError("code", "is required: IMPLEMENTED, NOT_IMPLEMENTED or KNOWN_OPTION"));
        } else {
            try {
                code = TextCoding.Code.valueOf(c);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("code", "must be IMPLEMENTED, NOT_IMPLEMENTED or KNOWN_OPTION"));
            }
        }
        String optionId = text(in.optionId());
        if (code == TextCoding.Code.KNOWN_OPTION) {
            var option = optionId == null ? null : q.option(optionId).orElse(null);
            if (optionId == null) {
                errors.add(new FieldError("optionId", "is required with KNOWN_OPTION (the option the text is)"));
            } else if (option == null || !option.selectable() || option.requiresText()) {
                errors.add(new FieldError("optionId", "'" + abbreviate(optionId) + "' is not a known option of "
                        + q.displayNumber() + "; one of " + q.options().stream()
                        .filter(o -> o.selectable() && !o.requiresText()).map(AssessmentCatalogue.Option::id).toList()));
            }
        } else if (optionId != null && code != null) {
            errors.add(new FieldError("optionId", "is only for KNOWN_OPTION"));
        }
        if (code == TextCoding.Code.IMPLEMENTED && catalogue.saysNothing(text)) {
            errors.add(new FieldError("code", "「" + text + "」 says that nothing is done; it cannot be coded IMPLEMENTED"));
        }
        String comment = bounded(errors, "comment", in.comment(), COMMENT_MAX);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new TextCoding(code, code == TextCoding.Code.KNOWN_OPTION ? optionId : null, comment, by, subject, at);
    }

    record CampaignData(String title, LocalDate referenceDate, LocalDate deadline, String catalogueVersion,
                        @Nullable String description) {
    }

    CampaignData valid(AssessmentCommands.CampaignInput in) {
        List<FieldError> errors = new ArrayList<>();
        String title = bounded(errors, "title", in.title(), TITLE_MAX);
        if (title == null && errors.isEmpty()) {
            errors.add(new FieldError("title", "is required"));
        }
        String description = bounded(errors, "description", in.description(), DESCRIPTION_MAX);
        LocalDate reference = date(errors, "referenceDate", in.referenceDate());
        LocalDate deadline = date(errors, "deadline", in.deadline());
        if (reference != null && deadline != null && deadline.isBefore(reference)) {
            errors.add(new FieldError("deadline", "must not be before referenceDate (" + reference + ")"));
        }
        String version = text(in.catalogueVersion());
        if (version != null && !version.equals(AssessmentCatalogue.VERSION)) {
            errors.add(new FieldError("catalogueVersion", "must be " + AssessmentCatalogue.VERSION
                    + " (the catalogue edition in use)"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new CampaignData(title, reference, deadline, AssessmentCatalogue.VERSION, description);
    }

    @Nullable
    String comment(@Nullable String comment, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        String c = bounded(errors, "comment", comment, COMMENT_MAX);
        if (c == null && required && errors.isEmpty()) {
            errors.add(new FieldError("comment", "is required when returning a submission (say what to correct)"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return c;
    }

    private static @Nullable LocalDate date(List<FieldError> errors, String field, @Nullable String value) {
        String t = text(value);
        if (t == null) {
            errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    static @Nullable String bounded(List<FieldError> errors, String field, @Nullable String value, int max) {
        String t = text(value);
        if (t == null) {
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return t;
    }

    static @Nullable String text(@Nullable String s) {
        return JapaneseText.normalize(s);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
