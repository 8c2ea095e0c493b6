package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Request bodies. Codes are plain strings and numbers and id lists raw JSON values, so that every bad value (an
 * unknown code, "2h" as minutes, a string in an id list) comes back as a 400 problem naming the field.
 * For updates an absent or null field is unchanged and "" clears an optional field.
 */
final class ServiceCommands {
    private ServiceCommands() {
    }

    @Serdeable
    record ServiceInput(
            @Nullable String templateId,
            @Nullable String name,
            @Nullable String description,
            @Nullable JsonNode rtoMinutes,
            @Nullable JsonNode rpoMinutes,
            @Nullable String ownMaintenanceLevel,
            @Nullable String maintenanceLevelNotes,
            @Nullable String dependencyNotes,
            @Nullable String ownerName,
            @Nullable String ownerRole) {

        ServiceInput over(ServiceInput current) {
            return new ServiceInput(pick(templateId, current.templateId), pick(name, current.name),
                    pick(description, current.description), pick(rtoMinutes, current.rtoMinutes),
                    pick(rpoMinutes, current.rpoMinutes), pick(ownMaintenanceLevel, current.ownMaintenanceLevel),
                    pick(maintenanceLevelNotes, current.maintenanceLevelNotes),
                    pick(dependencyNotes, current.dependencyNotes), pick(ownerName, current.ownerName),
                    pick(ownerRole, current.ownerRole));
        }
    }

    @Serdeable
    record SystemInput(
            @Nullable String name,
            @Nullable String kind,
            @Nullable String description,
            @Nullable String criticality,
            @Nullable String hosting,
            @Nullable JsonNode serviceIds,
            @Nullable JsonNode supplierIds,
            @Nullable String ownerName,
            @Nullable String ownerRole) {

        SystemInput over(SystemInput current) {
            return new SystemInput(pick(name, current.name), pick(kind, current.kind),
                    pick(description, current.description), pick(criticality, current.criticality),
                    pick(hosting, current.hosting), pick(serviceIds, current.serviceIds),
                    pick(supplierIds, current.supplierIds), pick(ownerName, current.ownerName),
                    pick(ownerRole, current.ownerRole));
        }
    }

    static <T> @Nullable T pick(@Nullable T given, @Nullable T current) {
        if (given == null || given instanceof JsonNode n && n.isNull()) {
            return current;
        }
        return given;
    }
}
