package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;

/** The editable fields of a critical service, validated and normalised. */
record ServiceData(@Nullable String templateId, @Nullable String name, @Nullable String description,
                   @Nullable Integer rtoMinutes, @Nullable Integer rpoMinutes, @Nullable String ownMaintenanceLevel,
                   @Nullable String maintenanceLevelNotes, @Nullable String dependencyNotes,
                   @Nullable String ownerName, @Nullable String ownerRole) {
}
