package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tier-1 supplier or contractor of a member operator (see V8). The list columns (supplierTypes,
 * servicesSupplied, criticalSystems, contractClauses) hold compact JSON arrays of strings; {@link SupplierRules}
 * writes and reads them.
 */
@MappedEntity("supplier")
record Supplier(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        String nameJa,
        @Nullable String nameKana,
        @Nullable String nameEn,
        @Nullable String corporateNumber,
        String supplierTypes,
        String servicesSupplied,
        String criticalSystems,
        @Nullable String criticality,
        String contractClauses,
        @Nullable LocalDate contractReviewedOn,
        @Nullable String incidentContactName,
        @Nullable String incidentContactPhone,
        @Nullable String incidentContactEmail,
        @Nullable Boolean incidentContactAfterHours,
        @Nullable String country,
        @Nullable String resubcontracting,
        @Nullable String resubcontractingNotes,
        @Nullable String notes,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) implements MemberRecord {

    /** Has a way to reach the supplier in an incident (a phone number or an email address). */
    boolean hasIncidentContact() {
        return incidentContactPhone != null || incidentContactEmail != null;
    }

    static Supplier created(long tenantId, long memberId, SupplierData d, SupplierRules rules, Instant now) {
        return build(null, tenantId, memberId, d, rules, now, now, null, null);
    }

    Supplier with(SupplierData d, SupplierRules rules, Instant now) {
        return build(id, tenantId, memberOperatorId, d, rules, createdAt, now, null, version);
    }

    Supplier delete(Instant now) {
        return new Supplier(id, tenantId, memberOperatorId, nameJa, nameKana, nameEn, corporateNumber, supplierTypes,
                servicesSupplied, criticalSystems, criticality, contractClauses, contractReviewedOn,
                incidentContactName, incidentContactPhone, incidentContactEmail, incidentContactAfterHours, country,
                resubcontracting, resubcontractingNotes, notes, createdAt, now, now, version);
    }

    private static Supplier build(@Nullable Long id, long tenantId, long memberId, SupplierData d, SupplierRules rules,
                                  Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt,
                                  @Nullable Long version) {
        SupplierData.IncidentContact c = d.incidentContact();
        return new Supplier(id, tenantId, memberId, d.nameJa(), d.nameKana(), d.nameEn(), d.corporateNumber(),
                rules.write(d.supplierTypes()), rules.write(d.servicesSupplied()), rules.write(d.criticalSystems()),
                d.criticality(), rules.write(d.contractClauses()), d.contractReviewedOn(),
                c == null ? null : c.name(), c == null ? null : c.phone(), c == null ? null : c.email(),
                c == null ? null : c.afterHours(), d.country(), d.resubcontracting(), d.resubcontractingNotes(),
                d.notes(), createdAt, updatedAt, deletedAt, version);
    }
}
