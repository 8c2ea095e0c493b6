package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;

/** The editable fields of a contact, validated and normalised; lists as canonical JSON text. */
record ContactData(String nameJa, String nameKana, @Nullable String nameEn, String role,
                   @Nullable String department, String functionsJson, String channelsJson, String availability,
                   @Nullable String availabilityHours, @Nullable String notes) {
}
