package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.continuity.PlanCodes.BcpOption;
import jp.ceptoarhub.continuity.PlanCodes.ContingencyOption;
import jp.ceptoarhub.continuity.PlanCodes.CyberCoverage;
import jp.ceptoarhub.continuity.PlanCodes.LegacyStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.continuity.PlanCommands.PlanInput;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation and normalisation of a continuity plan. Text is NFKC-normalised; every error names its field; nothing
 * is written unless the whole input is valid. A client of API 0.1 may still send a 設問27/28 option as the status: it
 * is stored as the status it says of this plan ({@link LegacyStatus}), and an option that says whether the plan
 * includes preparation for cyber attacks (with-cyber, without-cyber) fills an absent {@code cyberScenariosCovered}
 * and is refused, naming that field, when the coverage given contradicts it. Whether an escalation link points at
 * a BCP of the same member needs the database and is checked by {@link PlanDescriptor}.
 */
@Singleton
class PlanRules {
    static final int OWNER_MAX = 100;
    static final int SCOPE_MAX = 2000;

    private final Clock clock;

    PlanRules(Clock clock) {
        this.clock = clock;
    }

    record Result(@Nullable PlanData data, List<FieldError> errors) {
    }

    PlanData valid(PlanInput in) {
        Result r = validate(in);
        if (!r.errors().isEmpty()) {
            throw Problems.invalidFields(r.errors());
        }
        return r.data();
    }

    Result validate(PlanInput in) {
        List<FieldError> errors = new ArrayList<>();
        PlanType type = null;
        String t = text(in.planType());
        if (t == null) {
            errors.add(new FieldError("planType", "is required; one of " + PlanCodes.codes(Labelled.all(PlanType.class))));
        } else {
            type = PlanCodes.parse(Labelled.all(PlanType.class), t).orElse(null);
            if (type == null) {
                errors.add(new FieldError("planType", "must be one of " + PlanCodes.codes(Labelled.all(PlanType.class))));
            }
        }
        String statusCode = text(in.status());
        String cyber = text(in.cyberScenariosCovered());
        CyberCoverage coverage = null;
        if (cyber != null) {
            coverage = PlanCodes.parse(Labelled.all(CyberCoverage.class), cyber).orElse(null);
            if (coverage == null) {
                errors.add(new FieldError("cyberScenariosCovered", "must be one of "
                        + PlanCodes.codes(Labelled.all(CyberCoverage.class))));
            }
        }
        PlanStatus status = null;
        if (statusCode == null) {
            errors.add(new FieldError("status", "is required; one of " + PlanCodes.codes(Labelled.all(PlanStatus.class))));
        } else {
            status = PlanCodes.parse(Labelled.all(PlanStatus.class), statusCode).orElse(null);
            LegacyStatus legacy = status != null || type == null ? null : LegacyStatus.of(type, statusCode).orElse(null);
            if (legacy != null) {
                status = legacy.status();
                if (legacy.cyber() != null && coverage != null && legacy.cyber().covers() != coverage.covers()) {
                    errors.add(new FieldError("cyberScenariosCovered", "is " + coverage.code() + ", but status "
                            + statusCode + " says the " + type.code() + (legacy.cyber().covers()
                            ? " includes preparation for cyber attacks" : " has no elements aimed at cyber attacks")));
                } else if (coverage == null && cyber == null) {
                    coverage = legacy.cyber();
                }
            } else if (status == null && (type != null || Labelled.all(PlanType.class).stream()
                    .allMatch(p -> LegacyStatus.of(p, statusCode).isEmpty()))) { // with no valid type: planType only
                errors.add(new FieldError("status", "must be one of " + PlanCodes.codes(Labelled.all(PlanStatus.class))
                        + (type == null ? "" : " (or, as in API 0.1, an option of " + (type == PlanType.CONTINGENCY_PLAN
                        ? "設問27: " + PlanCodes.codes(Labelled.all(ContingencyOption.class))
                        : "設問28: " + PlanCodes.codes(Labelled.all(BcpOption.class))) + ")")));
            }
        }
        LocalDate today = ClockFactory.today(clock);
        LocalDate reviewed = date(errors, "lastReviewedOn", in.lastReviewedOn(), today.plusDays(1));
        LocalDate exercised = date(errors, "lastExercisedOn", in.lastExercisedOn(), today.plusDays(1));
        LocalDate due = date(errors, "nextReviewDue", in.nextReviewDue(), null);
        if (due != null && reviewed != null && due.isBefore(reviewed)) {
            errors.add(new FieldError("nextReviewDue", "must not be before lastReviewedOn (" + reviewed + ")"));
        }
        String ownerName = optional(errors, "ownerName", in.ownerName(), OWNER_MAX);
        String ownerRole = optional(errors, "ownerRole", in.ownerRole(), OWNER_MAX);
        String scope = optional(errors, "scopeNotes", in.scopeNotes(), SCOPE_MAX);
        Long link = in.escalatesToPlanId() == null || in.escalatesToPlanId() == 0 ? null : in.escalatesToPlanId();
        if (link != null && link < 0) {
            errors.add(new FieldError("escalatesToPlanId", "must be the id of a BCP of the same member"));
        } else if (link != null && type != null && type != PlanType.IT_BCP) {
            errors.add(new FieldError("escalatesToPlanId", "is allowed only on an IT_BCP (it names the BCP the IT-BCP "
                    + "escalates to)"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new PlanData(type.code(), status.code(), coverage == null ? null : coverage.code(), reviewed, exercised, due, ownerName, ownerRole, scope,
                link), List.of());
    }

    private static @Nullable LocalDate date(List<FieldError> errors, String field, @Nullable String value,
                                            @Nullable LocalDate notAfter) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (notAfter != null && d.isAfter(notAfter)) {
                errors.add(new FieldError(field, "must not be in the future"));
                return null;
            }
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                errors.add(new FieldError(field, "must be between the years 2000 and 2200"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static @Nullable String optional(List<FieldError> errors, String field, @Nullable String value, int max) {
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

    /** The stored plan as an input, so that an update can be laid over it. */
    PlanInput asInput(PlanData d) {
        return new PlanInput(d.planType(), d.status(), d.cyberScenariosCovered(), str(d.lastReviewedOn()),
                str(d.lastExercisedOn()), str(d.nextReviewDue()), d.ownerName(), d.ownerRole(), d.scopeNotes(),
                d.escalatesToPlanId());
    }

    private static @Nullable String str(@Nullable LocalDate d) {
        return d == null ? null : d.toString();
    }
}
