package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/** The editable fields of a supplier, validated and normalised ({@link SupplierRules}). */
record SupplierData(String nameJa, @Nullable String nameKana, @Nullable String nameEn,
                    @Nullable String corporateNumber, List<String> supplierTypes, List<String> servicesSupplied,
                    List<String> criticalSystems, @Nullable String criticality, List<String> contractClauses,
                    @Nullable LocalDate contractReviewedOn, @Nullable IncidentContact incidentContact,
                    @Nullable String country, @Nullable String resubcontracting,
                    @Nullable String resubcontractingNotes, @Nullable String notes) {

    /** Whom to call at the supplier in an incident: a phone number or an email address at least. */
    record IncidentContact(@Nullable String name, @Nullable String phone, @Nullable String email,
                           @Nullable Boolean afterHours) {
    }
}
