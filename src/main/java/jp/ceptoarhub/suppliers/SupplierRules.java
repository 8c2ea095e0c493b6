package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.suppliers.SupplierCodes.ContractClause;
import jp.ceptoarhub.records.Criticality;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.suppliers.SupplierCodes.Resubcontracting;
import jp.ceptoarhub.suppliers.SupplierCommands.ContractSecurityInput;
import jp.ceptoarhub.suppliers.SupplierCommands.IncidentContactInput;
import jp.ceptoarhub.suppliers.SupplierCommands.SupplierInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of a supplier. Text is NFKC-normalised; every error names its field (list items
 * as {@code servicesSupplied[2]}, nested fields as {@code incidentContact.phone}); nothing is written unless the
 * whole input is valid.
 */
@Singleton
class SupplierRules {
    static final int NAME_MAX = 200;
    static final int LIST_TEXT_MAX = 200;
    static final int SERVICES_MAX = 20;
    static final int SYSTEMS_MAX = 50;
    static final int CONTACT_NAME_MAX = 100;
    static final int PHONE_MAX = 40;
    static final int EMAIL_MAX = 254;
    static final int RESUBCONTRACTING_NOTES_MAX = 1000;
    static final int NOTES_MAX = 2000;
    /** The same forms as a contact's channels (contacts.ContactRules). */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    private static final Pattern JP_DOMESTIC = Pattern.compile("^0\\d{9,10}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final SupplierTypes types;
    private final JsonMapper json;
    private final Clock clock;

    SupplierRules(SupplierTypes types, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.types = types;
        this.json = json;
    }

    record Result(@Nullable SupplierData data, List<FieldError> errors) {
    }

    SupplierData valid(SupplierInput in) {
        Result r = validate(in);
        if (!r.errors().isEmpty()) {
            throw Problems.invalidFields(r.errors());
        }
        return r.data();
    }

    Result validate(SupplierInput in) {
        List<FieldError> errors = new ArrayList<>();
        String nameJa = text(in.nameJa());
        if (nameJa == null) {
            errors.add(new FieldError("nameJa", "is required"));
        } else {
            nameJa = length(errors, "nameJa", nameJa, NAME_MAX);
        }
        String nameKana = optional(errors, "nameKana", in.nameKana(), NAME_MAX);
        if (nameKana != null) {
            nameKana = JapaneseText.hiraganaToKatakana(nameKana);
            if (!JapaneseText.katakana(nameKana)) {
                errors.add(new FieldError("nameKana", "must be written in katakana (カタカナ; ー, ・ and spaces allowed)"));
                nameKana = null;
            }
        }
        String nameEn = optional(errors, "nameEn", in.nameEn(), NAME_MAX);
        String corporateNumber = corporateNumber(errors, in.corporateNumber());

        List<String> supplierTypes = new ArrayList<>();
        List<String> tIn = in.supplierTypes() == null ? List.of() : in.supplierTypes();
        if (tIn.isEmpty()) {
            errors.add(new FieldError("supplierTypes", "must list at least one supplier type (" + types.codes() + ")"));
        } else if (tIn.size() > types.all().size()) {
            errors.add(new FieldError("supplierTypes", "must list each supplier type at most once (" + types.codes() + ")"));
        } else {
            for (int i = 0; i < tIn.size(); i++) {
                String code = text(tIn.get(i));
                String f = "supplierTypes[" + i + "]";
                if (code == null || types.find(code).isEmpty()) {
                    errors.add(new FieldError(f, "must be one of " + types.codes()));
                } else if (supplierTypes.contains(code)) {
                    errors.add(new FieldError(f, code + " is listed more than once"));
                } else {
                    supplierTypes.add(code);
                }
            }
        }
        List<String> services = texts(errors, "servicesSupplied", in.servicesSupplied(), SERVICES_MAX);
        List<String> systems = texts(errors, "criticalSystems", in.criticalSystems(), SYSTEMS_MAX);
        String criticality = code(errors, "criticality", in.criticality(), Criticality.class);

        List<String> clauses = new ArrayList<>();
        LocalDate reviewedOn = null;
        ContractSecurityInput cs = in.contractSecurity();
        if (cs != null) {
            List<String> cIn = cs.clauses() == null ? List.of() : cs.clauses();
            if (cIn.size() > ContractClause.values().length) {
                errors.add(new FieldError("contractSecurity.clauses", "must list each clause at most once ("
                        + Labelled.codes(ContractClause.class) + ")"));
            } else {
                for (int i = 0; i < cIn.size(); i++) {
                    String f = "contractSecurity.clauses[" + i + "]";
                    String code = code(errors, f, cIn.get(i), ContractClause.class);
                    if (code == null) {
                        if (text(cIn.get(i)) == null) {
                            errors.add(new FieldError(f, "must be one of " + Labelled.codes(ContractClause.class)));
                        }
                    } else if (clauses.contains(code)) {
                        errors.add(new FieldError(f, code + " is listed more than once"));
                    } else {
                        clauses.add(code);
                    }
                }
            }
            reviewedOn = date(errors, "contractSecurity.reviewedOn", cs.reviewedOn());
        }

        SupplierData.IncidentContact contact = contact(errors, in.incidentContact());

        String country = text(in.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code (JP, US, DE, ...)"));
                country = null;
            }
        }
        String resubcontracting = code(errors, "resubcontracting", in.resubcontracting(), Resubcontracting.class);
        String resubcontractingNotes = optional(errors, "resubcontractingNotes", in.resubcontractingNotes(),
                RESUBCONTRACTING_NOTES_MAX);
        String notes = optional(errors, "notes", in.notes(), NOTES_MAX);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new SupplierData(nameJa, nameKana, nameEn, corporateNumber, List.copyOf(supplierTypes),
                services, systems, criticality, List.copyOf(clauses), reviewedOn, contact, country, resubcontracting,
                resubcontractingNotes, notes), List.of());
    }

    private static @Nullable String corporateNumber(List<FieldError> errors, @Nullable String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        String digits = v.replaceAll("[\\s\\-‐－ー]", "");
        if (!OrganisationCodes.validCorporateNumber(digits)) {
            errors.add(new FieldError("corporateNumber", "must be a 法人番号: 13 digits with a correct check digit "
                    + "(the first digit)"));
            return null;
        }
        return digits;
    }

    private static List<String> texts(List<FieldError> errors, String field, @Nullable List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > max) {
            errors.add(new FieldError(field, "must list at most " + max + " entries"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String f = field + "[" + i + "]";
            String t = text(values.get(i));
            if (t == null) {
                errors.add(new FieldError(f, "must not be empty"));
            } else if (t.codePointCount(0, t.length()) > LIST_TEXT_MAX) {
                errors.add(new FieldError(f, "must be at most " + LIST_TEXT_MAX + " characters"));
            } else if (!seen.add(t)) {
                errors.add(new FieldError(f, "is listed more than once"));
            } else {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static SupplierData.@Nullable IncidentContact contact(List<FieldError> errors,
                                                                  @Nullable IncidentContactInput in) {
        if (in == null) {
            return null;
        }
        String name = optional(errors, "incidentContact.name", in.name(), CONTACT_NAME_MAX);
        String phone = optional(errors, "incidentContact.phone", in.phone(), PHONE_MAX);
        if (phone != null) {
            String digits = phone.replaceAll("[\\s\\-‐－ー()（）.]", "");
            if (!E164.matcher(digits).matches() && !JP_DOMESTIC.matcher(digits).matches()) {
                errors.add(new FieldError("incidentContact.phone", "must be a phone number in E.164 form "
                        + "(+81312345678) or a Japanese number starting with 0 (03-1234-5678, 090-1234-5678)"));
                phone = null;
            }
        }
        String email = optional(errors, "incidentContact.email", in.email(), EMAIL_MAX);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("incidentContact.email", "must be an email address (name@example.jp)"));
            email = null;
        }
        boolean given = text(in.name()) != null || text(in.phone()) != null || text(in.email()) != null;
        if (!given && in.afterHours() == null) {
            return null; // nothing (or everything cleared): no incident contact
        }
        if (text(in.phone()) == null && text(in.email()) == null) {
            errors.add(new FieldError("incidentContact", "needs a phone number or an email address"));
            return null;
        }
        return new SupplierData.IncidentContact(name, phone, email, Boolean.TRUE.equals(in.afterHours()));
    }

    private static <E extends Enum<E> & Labelled> @Nullable String code(List<FieldError> errors, String field,
                                                                        @Nullable String value, Class<E> type) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        if (Labelled.parse(type, v).isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + Labelled.codes(type)));
            return null;
        }
        return v;
    }

    private @Nullable LocalDate date(List<FieldError> errors, String field, @Nullable String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(ClockFactory.today(clock).plusDays(1))) {
                errors.add(new FieldError(field, "must not be in the future"));
                return null;
            }
            if (d.getYear() < 2000) {
                errors.add(new FieldError(field, "must be in the year 2000 or later"));
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
        return t == null ? null : length(errors, field, t, max);
    }

    private static @Nullable String length(List<FieldError> errors, String field, String t, int max) {
        if (t.codePointCount(0, t.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return t;
    }

    static @Nullable String text(@Nullable String s) {
        return JapaneseText.normalize(s);
    }

    /** The stored supplier as an input, so that an update can be laid over it. */
    SupplierInput asInput(SupplierData d) {
        SupplierData.IncidentContact c = d.incidentContact();
        return new SupplierInput(d.nameJa(), d.nameKana(), d.nameEn(), d.corporateNumber(), d.supplierTypes(),
                d.servicesSupplied(), d.criticalSystems(), d.criticality(),
                new ContractSecurityInput(d.contractClauses(),
                        d.contractReviewedOn() == null ? null : d.contractReviewedOn().toString()),
                c == null ? null : new IncidentContactInput(c.name(), c.phone(), c.email(), c.afterHours()),
                d.country(), d.resubcontracting(), d.resubcontractingNotes(), d.notes());
    }

    /** The stored supplier's editable fields. */
    SupplierData data(Supplier s) {
        SupplierData.IncidentContact contact = s.incidentContactName() == null && s.incidentContactPhone() == null
                && s.incidentContactEmail() == null ? null : new SupplierData.IncidentContact(s.incidentContactName(),
                s.incidentContactPhone(), s.incidentContactEmail(), s.incidentContactAfterHours());
        return new SupplierData(s.nameJa(), s.nameKana(), s.nameEn(), s.corporateNumber(), list(s.supplierTypes()),
                list(s.servicesSupplied()), list(s.criticalSystems()), s.criticality(), list(s.contractClauses()),
                s.contractReviewedOn(), contact, s.country(), s.resubcontracting(), s.resubcontractingNotes(),
                s.notes());
    }

    /** Compact JSON, the form of the list columns. */
    String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> list(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(stored.getBytes(StandardCharsets.UTF_8), Argument.listOf(String.class)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
