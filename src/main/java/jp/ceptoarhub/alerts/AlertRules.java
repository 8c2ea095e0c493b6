package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation of the provision form's fields (the handbook's 情報提供様式, 図７; its required marks 「*」): 重要度, 情報共有範囲 and 別紙有無 are
 * required; the four content sections and 特記事項 are optional free text, because speed comes first. Text is kept
 * as typed (no NFKC: ① and full-width forms are content), stripped, and an empty string clears an optional field.
 */
final class AlertRules {
    static final int TITLE_MAX = 200;
    static final int SECTION_MAX = 20_000;
    static final int REMARKS_MAX = 2_000;
    static final int CONTACT_MAX = 1_000;
    static final int REASON_MAX = 1_000;

    private AlertRules() {
    }

    /** A new draft: everything required must be there. */
    static AlertStore.Content create(AlertCommands.AlertInput in, String defaultInquiry) {
        List<FieldError> errors = new ArrayList<>();
        Importance importance = importance(in.importance(), errors, true);
        Tlp tlp = tlp(in.tlp(), "tlp", errors, true);
        String title = text(in.title(), "title", TITLE_MAX, errors);
        if (title == null) {
            errors.add(new FieldError("title", "is required"));
        }
        if (in.annex() == null) {
            errors.add(new FieldError("annex", "is required (別紙有無: true or false)"));
        }
        String inquiry = in.inquiryContact() == null ? defaultInquiry : text(in.inquiryContact(), "inquiryContact",
                CONTACT_MAX, errors);
        AlertStore.Content c = new AlertStore.Content(importance, tlp,
                text(in.specialRemarks(), "specialRemarks", REMARKS_MAX, errors), title,
                text(in.outline(), "outline", SECTION_MAX, errors), text(in.targets(), "targets", SECTION_MAX, errors),
                text(in.handling(), "handling", SECTION_MAX, errors), text(in.otherInfo(), "otherInfo", SECTION_MAX, errors),
                Boolean.TRUE.equals(in.annex()), inquiry);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return c;
    }

    /** A draft's PATCH: absent fields keep their value. */
    static AlertStore.Content merge(AlertCommands.AlertInput in, AlertRow a) {
        List<FieldError> errors = new ArrayList<>();
        if (in.followUpOf() != null) {
            errors.add(new FieldError("followUpOf", "is set when the draft is created and cannot change"));
        }
        Importance importance = in.importance() == null ? a.importance() : importance(in.importance(), errors, true);
        Tlp tlp = in.tlp() == null ? a.tlp() : tlp(in.tlp(), "tlp", errors, true);
        String title = a.title();
        if (in.title() != null) {
            title = text(in.title(), "title", TITLE_MAX, errors);
            if (title == null) {
                errors.add(new FieldError("title", "must not be empty"));
            }
        }
        AlertStore.Content c = new AlertStore.Content(importance, tlp,
                keep(in.specialRemarks(), a.specialRemarks(), "specialRemarks", REMARKS_MAX, errors), title,
                keep(in.outline(), a.outline(), "outline", SECTION_MAX, errors),
                keep(in.targets(), a.targets(), "targets", SECTION_MAX, errors),
                keep(in.handling(), a.handling(), "handling", SECTION_MAX, errors),
                keep(in.otherInfo(), a.otherInfo(), "otherInfo", SECTION_MAX, errors),
                in.annex() == null ? a.annex() : in.annex(),
                keep(in.inquiryContact(), a.inquiryContact(), "inquiryContact", CONTACT_MAX, errors));
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return c;
    }

    static Tlp tlp(@Nullable String code, String field) {
        List<FieldError> errors = new ArrayList<>();
        Tlp tlp = tlp(code, field, errors, true);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return tlp;
    }

    static @Nullable String remarks(@Nullable String value) {
        List<FieldError> errors = new ArrayList<>();
        String s = text(value, "specialRemarks", REMARKS_MAX, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return s;
    }

    static String reason(@Nullable String value) {
        List<FieldError> errors = new ArrayList<>();
        String s = text(value, "reason", REASON_MAX, errors);
        if (s == null && errors.isEmpty()) {
            errors.add(new FieldError("reason", "is required: recipients see why the alert was withdrawn"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return s;
    }

    private static @Nullable Importance importance(@Nullable String code, List<FieldError> errors, boolean required) {
        Importance i = code == null ? null : Labelled.parse(Importance.class, code.strip()).orElse(null);
        if (i == null && (required || code != null)) {
            errors.add(new FieldError("importance", "must be one of " + Labelled.codes(Importance.class)
                    + " (警報, 注意喚起, 参考情報)"));
        }
        return i;
    }

    private static @Nullable Tlp tlp(@Nullable String code, String field, List<FieldError> errors, boolean required) {
        Tlp t = code == null ? null : Tlp.parse(code.strip()).orElse(null);
        if (t == null && (required || code != null)) {
            errors.add(new FieldError(field, "must be one of " + Labelled.codes(Tlp.class)));
        }
        return t;
    }

    private static @Nullable String keep(@Nullable String value, @Nullable String current, String field, int max,
                                         List<FieldError> errors) {
        return value == null ? current : text(value, field, max, errors);
    }

    private static @Nullable String text(@Nullable String value, String field, int max, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return s;
    }
}
