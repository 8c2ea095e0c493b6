package jp.ceptoarhub.suppliers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.Criticality;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.suppliers.SupplierCodes.ContractClause;
import jp.ceptoarhub.suppliers.SupplierCodes.Resubcontracting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A supplier as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted: true,
 * deletedAt}} with every other field absent. {@code missingForFreshness} names what the supplier lacks for the
 * member's supply chain to count as complete on the freshness dashboard (criticality, incidentContact).
 */
@Serdeable
record SupplierView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                    @Nullable String nameJa, @Nullable String nameKana, @Nullable String nameEn,
                    @Nullable String corporateNumber, @Nullable List<CodeLabel> supplierTypes,
                    @Nullable List<String> servicesSupplied, @Nullable List<String> criticalSystems,
                    @Nullable String criticality, @Nullable String criticalityLabel,
                    @Nullable ContractSecurity contractSecurity, @Nullable IncidentContact incidentContact,
                    @Nullable String country, @Nullable String countryLabel, @Nullable String resubcontracting,
                    @Nullable String resubcontractingLabel, @Nullable String resubcontractingNotes,
                    @Nullable String notes, @Nullable List<String> missingForFreshness, @Nullable Instant createdAt,
                    @Nullable Instant updatedAt, @Nullable Long version) {

    @Serdeable
    record CodeLabel(String code, String label) {
    }

    @Serdeable
    record ContractSecurity(List<CodeLabel> clauses, @Nullable LocalDate reviewedOn) {
    }

    @Serdeable
    record IncidentContact(@Nullable String name, @Nullable String phone, @Nullable String email,
                           boolean afterHours) {
    }

    static SupplierView of(Supplier s, SupplierRules rules, SupplierTypes types, Labels lang) {
        if (s.deleted()) {
            return new SupplierView(s.id(), true, s.deletedAt(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        SupplierData d = rules.data(s);
        List<CodeLabel> typeLabels = d.supplierTypes().stream().map(code -> new CodeLabel(code,
                types.find(code).map(t -> t.label(lang)).orElse(code))).toList();
        List<CodeLabel> clauses = d.contractClauses().stream().map(code -> new CodeLabel(code,
                ContractClause.valueOf(code).label(lang))).toList();
        SupplierData.IncidentContact c = d.incidentContact();
        String criticality = d.criticality();
        String resub = d.resubcontracting();
        String country = d.country();
        return new SupplierView(s.id(), false, null, s.memberOperatorId(), d.nameJa(), d.nameKana(), d.nameEn(),
                d.corporateNumber(), typeLabels, d.servicesSupplied(), d.criticalSystems(), criticality,
                criticality == null ? null : Criticality.valueOf(criticality).label(lang),
                new ContractSecurity(clauses, d.contractReviewedOn()),
                c == null ? null : new IncidentContact(c.name(), c.phone(), c.email(),
                        Boolean.TRUE.equals(c.afterHours())), country,
                country == null ? null : Locale.of("", country).getDisplayCountry(lang == Labels.EN
                        ? Locale.ENGLISH : Locale.JAPANESE),
                resub, resub == null ? null : Resubcontracting.valueOf(resub).label(lang), d.resubcontractingNotes(),
                d.notes(), missingForFreshness(s), s.createdAt(), s.updatedAt(), s.versionOrZero());
    }

    /** What the supplier lacks for the freshness rule (see SuppliersFreshness); empty when nothing. */
    static List<String> missingForFreshness(Supplier s) {
        List<String> missing = new ArrayList<>();
        if (s.criticality() == null) {
            missing.add("criticality");
        }
        if (!s.hasIncidentContact()) {
            missing.add("incidentContact");
        }
        return List.copyOf(missing);
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int supplierCount) {
        static Confirmation of(RecordLifecycle.Confirmation c) {
            return new Confirmation(c.memberId(), c.confirmedAt(), c.confirmedBy(), c.count(RecordType.SUPPLIERS.code()));
        }
    }
}
