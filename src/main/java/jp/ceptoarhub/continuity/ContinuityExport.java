package jp.ceptoarhub.continuity;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** A member's live continuity plans in the export of its record set, as GET shows them. */
@Singleton
class ContinuityExport implements RecordExport {
    private final ContinuityPlanRepository plans;
    private final Clock clock;

    ContinuityExport(ContinuityPlanRepository plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public RecordType recordType() {
        return RecordType.CONTINUITY_PLANS;
    }

    @Override
    public List<?> export(long tenantId, long memberId, Labels lang) {
        LocalDate today = ClockFactory.today(clock);
        return plans.live(tenantId, memberId).stream().map(p -> PlanView.of(p, today, lang)).toList();
    }
}
