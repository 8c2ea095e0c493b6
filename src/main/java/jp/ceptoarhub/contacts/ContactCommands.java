package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Request bodies. Codes and dates are plain strings so that every bad value (an unknown code, a malformed date)
 * comes back as a 400 problem naming the field, e.g. {@code channels[1].value}.
 */
final class ContactCommands {
    private ContactCommands() {
    }

    /** Create (required fields must be present) or update (null = unchanged; "" clears an optional field; lists replace). */
    @Serdeable
    record ContactInput(
            @Nullable String nameJa,
            @Nullable String nameKana,
            @Nullable String nameEn,
            @Nullable String role,
            @Nullable String department,
            @Nullable List<FunctionInput> functions,
            @Nullable List<ChannelInput> channels,
            @Nullable String availability,
            @Nullable String availabilityHours,
            @Nullable String notes) {

        ContactInput over(ContactInput current) {
            return new ContactInput(pick(nameJa, current.nameJa), pick(nameKana, current.nameKana),
                    pick(nameEn, current.nameEn), pick(role, current.role), pick(department, current.department),
                    functions == null ? current.functions : functions, channels == null ? current.channels : channels,
                    pick(availability, current.availability),
                    // switching to H24 drops the hours unless new hours are given
                    availabilityHours == null && "H24".equals(availability) ? null
                            : pick(availabilityHours, current.availabilityHours),
                    pick(notes, current.notes));
        }

        private static @Nullable String pick(@Nullable String given, @Nullable String current) {
            return given == null ? current : given;
        }
    }

    @Serdeable
    record FunctionInput(@Nullable String function, @Nullable String order) {
    }

    @Serdeable
    record ChannelInput(@Nullable String type, @Nullable String value, @Nullable String verifiedAt) {
    }

    /** Stored (and shown) form of a function assignment. */
    @Serdeable
    record StoredFunction(String function, String order) {
    }

    /** Stored form of a channel; verifiedAt is an ISO date. */
    @Serdeable
    record StoredChannel(String type, String value, @Nullable String verifiedAt) {
    }
}
