package jp.ceptoarhub.services;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.records.Criticality;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.services.ServiceCodes.Hosting;
import jp.ceptoarhub.services.ServiceCodes.SystemKind;
import jp.ceptoarhub.services.ServiceCommands.ServiceInput;
import jp.ceptoarhub.services.ServiceCommands.SystemInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Validation and normalisation of critical services and business systems. Text is NFKC-normalised; every error
 * names its field (list elements as {@code serviceIds[1]}); nothing is written unless the whole input is valid.
 * Whether linked ids exist (live services of the same member, suppliers) needs the database and is checked by the
 * services, with the same field names.
 */
@Singleton
class ServiceRules {
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 2000;
    static final int LEVEL_MAX = 1000;
    static final int OWNER_MAX = 100;
    /** RTO and RPO: whole minutes from 0 (no downtime / no data loss) to 525,600 (365 days). */
    static final int MINUTES_MAX = 525_600;
    static final int SERVICE_IDS_MAX = 100;
    static final int SUPPLIER_IDS_MAX = 200;
    static final String TEMPLATES_PATH = "GET /api/v1/reference/critical-service-templates";

    private final ServiceTemplates templates;

    ServiceRules(ServiceTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param memberSector   the member's sector code; a new template must be one of its 別紙2 services
     * @param storedTemplate the service's stored template (updates): kept even if the member's sector changed since
     */
    ServiceData valid(ServiceInput in, String memberSector, @Nullable String storedTemplate) {
        List<FieldError> errors = new ArrayList<>();
        String templateId = text(in.templateId());
        if (templateId != null) {
            var t = templates.find(templateId);
            if (t.isEmpty()) {
                errors.add(new FieldError("templateId", "is not a 別紙2 service id (see " + TEMPLATES_PATH + ")"));
            } else if (!t.get().sectorCode().equals(memberSector) && !templateId.equals(storedTemplate)) {
                errors.add(new FieldError("templateId", "is a service of the sector " + t.get().sectorCode()
                        + "; the member's sector is " + memberSector + " (see " + TEMPLATES_PATH + "?sectorCode="
                        + memberSector + ")"));
            }
        }
        String name = optional(errors, "name", in.name(), NAME_MAX);
        if (name == null && templateId == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "is required for a member-specific service (one without templateId)"));
        }
        String description = optional(errors, "description", in.description(), TEXT_MAX);
        Integer rto = minutes(errors, "rtoMinutes", in.rtoMinutes());
        Integer rpo = minutes(errors, "rpoMinutes", in.rpoMinutes());
        String ownLevel = optional(errors, "ownMaintenanceLevel", in.ownMaintenanceLevel(), LEVEL_MAX);
        String levelNotes = optional(errors, "maintenanceLevelNotes", in.maintenanceLevelNotes(), TEXT_MAX);
        String dependencies = optional(errors, "dependencyNotes", in.dependencyNotes(), TEXT_MAX);
        String ownerName = optional(errors, "ownerName", in.ownerName(), OWNER_MAX);
        String ownerRole = optional(errors, "ownerRole", in.ownerRole(), OWNER_MAX);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new ServiceData(templateId, name, description, rto, rpo, ownLevel, levelNotes, dependencies,
                ownerName, ownerRole);
    }

    SystemData valid(SystemInput in) {
        List<FieldError> errors = new ArrayList<>();
        String name = optional(errors, "name", in.name(), NAME_MAX);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "is required"));
        }
        String kind = code(errors, "kind", in.kind(), SystemKind.class, true);
        String description = optional(errors, "description", in.description(), TEXT_MAX);
        String criticality = code(errors, "criticality", in.criticality(), Criticality.class, false);
        String hosting = code(errors, "hosting", in.hosting(), Hosting.class, false);
        List<Long> serviceIds = ids(errors, "serviceIds", in.serviceIds(), SERVICE_IDS_MAX);
        List<Long> supplierIds = ids(errors, "supplierIds", in.supplierIds(), SUPPLIER_IDS_MAX);
        String ownerName = optional(errors, "ownerName", in.ownerName(), OWNER_MAX);
        String ownerRole = optional(errors, "ownerRole", in.ownerRole(), OWNER_MAX);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return new SystemData(name, kind, description, criticality, hosting, serviceIds, supplierIds, ownerName,
                ownerRole);
    }

    /** The stored service as an input, so that an update can be laid over it. */
    ServiceInput asInput(ServiceData d) {
        return new ServiceInput(d.templateId(), d.name(), d.description(), number(d.rtoMinutes()),
                number(d.rpoMinutes()), d.ownMaintenanceLevel(), d.maintenanceLevelNotes(), d.dependencyNotes(),
                d.ownerName(), d.ownerRole());
    }

    SystemInput asInput(SystemData d) {
        return new SystemInput(d.name(), d.kind(), d.description(), d.criticality(), d.hosting(),
                FieldChanges.ids(d.serviceIds()), FieldChanges.ids(d.supplierIds()), d.ownerName(), d.ownerRole());
    }

    private static @Nullable JsonNode number(@Nullable Integer n) {
        return n == null ? null : JsonNode.createNumberNode(n);
    }

    private static @Nullable Integer minutes(List<FieldError> errors, String field, @Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isString() && value.getStringValue().isBlank()) {
            return null;
        }
        Long n = integral(value);
        if (n == null || n < 0 || n > MINUTES_MAX) {
            errors.add(new FieldError(field, "must be a whole number of minutes from 0 to " + MINUTES_MAX
                    + " (365 days), or \"\" to clear"));
            return null;
        }
        return n.intValue();
    }

    private static List<Long> ids(List<FieldError> errors, String field, @Nullable JsonNode value, int max) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be an array of ids"));
            return List.of();
        }
        if (value.size() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " ids"));
            return List.of();
        }
        TreeSet<Long> out = new TreeSet<>();
        for (int i = 0; i < value.size(); i++) {
            Long id = integral(value.get(i));
            if (id == null || id < 1) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a positive id"));
            } else {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private static @Nullable Long integral(@Nullable JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value.getNumberValue().toString());
            return d.stripTrailingZeros().scale() > 0 ? null : d.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E> & Labelled> @Nullable String code(
            List<FieldError> errors, String field, @Nullable String value, Class<E> type, boolean required) {
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
}
