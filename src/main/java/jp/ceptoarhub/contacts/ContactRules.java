package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.contacts.ContactCodes.Availability;
import jp.ceptoarhub.contacts.ContactCodes.CallOrder;
import jp.ceptoarhub.contacts.ContactCodes.ChannelType;
import jp.ceptoarhub.contacts.ContactCodes.ContactFunction;
import jp.ceptoarhub.contacts.ContactCodes.OrgRole;
import jp.ceptoarhub.contacts.ContactCommands.ChannelInput;
import jp.ceptoarhub.contacts.ContactCommands.ContactInput;
import jp.ceptoarhub.contacts.ContactCommands.FunctionInput;
import jp.ceptoarhub.contacts.ContactCommands.StoredChannel;
import jp.ceptoarhub.contacts.ContactCommands.StoredFunction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of a contact. Text is NFKC-normalised (full-width digits and half-width katakana are
 * stored in canonical form); every error names its field; nothing is written unless the whole input is valid.
 */
@Singleton
class ContactRules {
    static final int NAME_MAX = 100;
    static final int DEPARTMENT_MAX = 200;
    static final int HOURS_MAX = 200;
    static final int NOTES_MAX = 2000;
    static final int CHANNELS_MAX = 10;
    static final int CHANNEL_VALUE_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    /** E.164: + country code and subscriber number, 8 to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
    /** Japanese domestic numbers: 0 then 9 or 10 digits (fixed 0X-XXXX-XXXX, mobile 0X0-XXXX-XXXX, 0120, 050). */
    private static final Pattern JP_DOMESTIC = Pattern.compile("^0\\d{9,10}$");

    private final JsonMapper json;
    private final Clock clock;

    ContactRules(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    record Result(@Nullable ContactData data, List<FieldError> errors) {
    }

    ContactData valid(ContactInput in) {
        Result r = validate(in);
        if (!r.errors().isEmpty()) {
            throw Problems.invalidFields(r.errors());
        }
        return r.data();
    }

    Result validate(ContactInput in) {
        List<FieldError> errors = new ArrayList<>();
        String nameJa = required(errors, "nameJa", in.nameJa(), NAME_MAX);
        String nameKana = required(errors, "nameKana", in.nameKana(), NAME_MAX);
        if (nameKana != null) {
            nameKana = JapaneseText.hiraganaToKatakana(nameKana);
            if (!JapaneseText.katakana(nameKana)) {
                errors.add(new FieldError("nameKana", "must be written in katakana (カタカナ; ー, ・ and spaces allowed)"));
            }
        }
        String nameEn = optional(errors, "nameEn", in.nameEn(), NAME_MAX);
        String role = code(errors, "role", in.role(), OrgRole.class, true);
        String department = optional(errors, "department", in.department(), DEPARTMENT_MAX);

        List<StoredFunction> functions = new ArrayList<>();
        EnumSet<ContactFunction> seen = EnumSet.noneOf(ContactFunction.class);
        List<FunctionInput> fIn = in.functions() == null ? List.of() : in.functions();
        if (fIn.size() > ContactFunction.values().length) {
            errors.add(new FieldError("functions", "must list each function at most once ("
                    + Labelled.codes(ContactFunction.class) + ")"));
        } else {
            for (int i = 0; i < fIn.size(); i++) {
                FunctionInput f = fIn.get(i);
                String p = "functions[" + i + "]";
                if (f == null) {
                    errors.add(new FieldError(p, "must be an object {function, order}"));
                    continue;
                }
                String fn = code(errors, p + ".function", f.function(), ContactFunction.class, true);
                String order = code(errors, p + ".order", f.order(), CallOrder.class, true);
                if (fn != null && !seen.add(ContactFunction.valueOf(fn))) {
                    errors.add(new FieldError(p + ".function", fn + " is listed more than once"));
                }
                if (fn != null && order != null) {
                    functions.add(new StoredFunction(fn, order));
                }
            }
        }

        List<StoredChannel> channels = new ArrayList<>();
        List<ChannelInput> cIn = in.channels() == null ? List.of() : in.channels();
        if (cIn.isEmpty()) {
            errors.add(new FieldError("channels", "must list at least one way to reach the person (EMAIL, PHONE or MOBILE)"));
        } else if (cIn.size() > CHANNELS_MAX) {
            errors.add(new FieldError("channels", "must list at most " + CHANNELS_MAX + " channels"));
        } else {
            for (int i = 0; i < cIn.size(); i++) {
                ChannelInput c = cIn.get(i);
                String p = "channels[" + i + "]";
                if (c == null) {
                    errors.add(new FieldError(p, "must be an object {type, value, verifiedAt}"));
                    continue;
                }
                String type = code(errors, p + ".type", c.type(), ChannelType.class, true);
                String value = required(errors, p + ".value", c.value(), CHANNEL_VALUE_MAX);
                if (type != null && value != null) {
                    value = channelValue(errors, p + ".value", ChannelType.valueOf(type), value);
                }
                String verifiedAt = null;
                String v = text(c.verifiedAt());
                if (v != null) {
                    try {
                        LocalDate d = LocalDate.parse(v);
                        if (d.isAfter(ClockFactory.today(clock).plusDays(1))) {
                            errors.add(new FieldError(p + ".verifiedAt", "must not be in the future"));
                        } else if (d.getYear() < 2000) {
                            errors.add(new FieldError(p + ".verifiedAt", "must be in the year 2000 or later"));
                        }
                        verifiedAt = d.toString();
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(p + ".verifiedAt", "must be a date (YYYY-MM-DD)"));
                    }
                }
                if (type != null && value != null) {
                    channels.add(new StoredChannel(type, value, verifiedAt));
                }
            }
        }

        String availability = code(errors, "availability", in.availability(), Availability.class, true);
        String hours = optional(errors, "availabilityHours", in.availabilityHours(), HOURS_MAX);
        if (Availability.BUSINESS_HOURS.name().equals(availability) && hours == null) {
            errors.add(new FieldError("availabilityHours", "is required when availability is BUSINESS_HOURS (e.g. 平日 9:00-17:45)"));
        }
        if (Availability.H24.name().equals(availability)) {
            hours = null;
        }
        String notes = optional(errors, "notes", in.notes(), NOTES_MAX);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new ContactData(nameJa, nameKana, nameEn, role, department, write(functions),
                write(channels), availability, hours, notes), List.of());
    }

    private static @Nullable String channelValue(List<FieldError> errors, String field, ChannelType type, String value) {
        if (type == ChannelType.EMAIL) {
            if (!EMAIL.matcher(value).matches()) {
                errors.add(new FieldError(field, "must be an email address (name@example.jp)"));
                return null;
            }
            return value;
        }
        String digits = value.replaceAll("[\\s\\-‐－ー()（）.]", "");
        if (!E164.matcher(digits).matches() && !JP_DOMESTIC.matcher(digits).matches()) {
            errors.add(new FieldError(field, "must be a phone number in E.164 form (+81312345678) or a Japanese "
                    + "number starting with 0 (03-1234-5678, 090-1234-5678)"));
            return null;
        }
        return value;
    }

    private static @Nullable String required(List<FieldError> errors, String field, @Nullable String value, int max) {
        String t = text(value);
        if (t == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return length(errors, field, t, max);
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

    private static <E extends Enum<E> & Labelled> @Nullable String code(List<FieldError> errors, String field,
                                                             @Nullable String value, Class<E> type, boolean required) {
        String t = text(value);
        if (t == null) {
            if (required) {
                errors.add(new FieldError(field, "is required; one of " + Labelled.codes(type)));
            }
            return null;
        }
        if (Labelled.parse(type, t).isEmpty()) {
            errors.add(new FieldError(field, "must be one of " + Labelled.codes(type)));
            return null;
        }
        return t;
    }

    static @Nullable String text(@Nullable String s) {
        return JapaneseText.normalize(s);
    }

    String write(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<StoredFunction> functions(String functionsJson) {
        return read(functionsJson, Argument.listOf(StoredFunction.class));
    }

    List<StoredChannel> channels(String channelsJson) {
        return read(channelsJson, Argument.listOf(StoredChannel.class));
    }

    <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text.getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored contact as an input, so that an update can be laid over it. */
    ContactInput asInput(ContactData d) {
        return new ContactInput(d.nameJa(), d.nameKana(), d.nameEn(), d.role(), d.department(),
                functions(d.functionsJson()).stream().map(f -> new FunctionInput(f.function(), f.order())).toList(),
                channels(d.channelsJson()).stream().map(c -> new ChannelInput(c.type(), c.value(), c.verifiedAt())).toList(),
                d.availability(), d.availabilityHours(), d.notes());
    }
}
