package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Request bodies. Codes and dates are plain strings so that every bad value (an unknown code, a malformed date)
 * comes back as a 400 problem naming the field.
 */
final class SupplierCommands {
    private SupplierCommands() {
    }

    /**
     * Create (nameJa and supplierTypes must be present) or update: an absent or null field is unchanged, "" clears
     * an optional text or code, a list replaces the stored list ([] clears it), and the nested objects
     * contractSecurity and incidentContact are merged field by field by the same rules.
     */
    @Serdeable
    record SupplierInput(
            @Nullable String nameJa,
            @Nullable String nameKana,
            @Nullable String nameEn,
            @Nullable String corporateNumber,
            @Nullable List<String> supplierTypes,
            @Nullable List<String> servicesSupplied,
            @Nullable List<String> criticalSystems,
            @Nullable String criticality,
            @Nullable ContractSecurityInput contractSecurity,
            @Nullable IncidentContactInput incidentContact,
            @Nullable String country,
            @Nullable String resubcontracting,
            @Nullable String resubcontractingNotes,
            @Nullable String notes) {

        SupplierInput over(SupplierInput current) {
            return new SupplierInput(pick(nameJa, current.nameJa), pick(nameKana, current.nameKana),
                    pick(nameEn, current.nameEn), pick(corporateNumber, current.corporateNumber),
                    pick(supplierTypes, current.supplierTypes), pick(servicesSupplied, current.servicesSupplied),
                    pick(criticalSystems, current.criticalSystems), pick(criticality, current.criticality),
                    contractSecurity == null ? current.contractSecurity : contractSecurity.over(current.contractSecurity),
                    incidentContact == null ? current.incidentContact : incidentContact.over(current.incidentContact),
                    pick(country, current.country), pick(resubcontracting, current.resubcontracting),
                    pick(resubcontractingNotes, current.resubcontractingNotes), pick(notes, current.notes));
        }
    }

    /** Which security clauses the contract with the supplier contains, and when the contract was last reviewed. */
    @Serdeable
    record ContractSecurityInput(@Nullable List<String> clauses, @Nullable String reviewedOn) {
        ContractSecurityInput over(@Nullable ContractSecurityInput current) {
            if (current == null) {
                return this;
            }
            return new ContractSecurityInput(pick(clauses, current.clauses), pick(reviewedOn, current.reviewedOn));
        }
    }

    /** Whom to call at the supplier in an incident. */
    @Serdeable
    record IncidentContactInput(@Nullable String name, @Nullable String phone, @Nullable String email,
                                @Nullable Boolean afterHours) {
        IncidentContactInput over(@Nullable IncidentContactInput current) {
            if (current == null) {
                return this;
            }
            IncidentContactInput merged = new IncidentContactInput(pick(name, current.name),
                    pick(phone, current.phone), pick(email, current.email), afterHours);
            if (afterHours == null && !merged.empty()) {
                merged = new IncidentContactInput(merged.name, merged.phone, merged.email, current.afterHours);
            }
            return merged; // clearing name, phone and email without a new afterHours removes the contact
        }

        /** No name, phone or email (blank counts as none). */
        boolean empty() {
            return blank(name) && blank(phone) && blank(email);
        }

        private static boolean blank(@Nullable String s) {
            return s == null || s.isBlank();
        }
    }

    private static <T> @Nullable T pick(@Nullable T given, @Nullable T current) {
        return given == null ? current : given;
    }
}
