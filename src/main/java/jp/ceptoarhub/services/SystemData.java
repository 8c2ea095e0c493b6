package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The editable fields of a business system, validated and normalised; the id lists are sorted and distinct. */
record SystemData(String name, String kind, @Nullable String description, @Nullable String criticality,
                  @Nullable String hosting, List<Long> serviceIds, List<Long> supplierIds,
                  @Nullable String ownerName, @Nullable String ownerRole) {
}
