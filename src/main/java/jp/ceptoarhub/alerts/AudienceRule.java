package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;

/**
 * One choice of whom to address (stored in {@code alert_audience_rule}). A CEPTOAR's secretariat addresses its
 * whole membership ({@code MEMBERS}), its non-member recipients ({@code NON_MEMBER_RECIPIENTS}), chosen members
 * ({@code MEMBER}) or named users ({@code USER}). NISC addresses sectors ({@code SECTOR}: the CEPTOARs of the sector
 * and its competent ministry), CEPTOARs ({@code CEPTOAR}: its secretariat and the ministry of its sector), ministries
 * ({@code MINISTRY}), operators directly by 法人番号 or 地方公共団体コード ({@code OPERATOR}: 「必要に応じて」, 図６) and
 * named national users ({@code USER}). A pass-on uses the kinds of its passer: a secretariat's membership kinds, a
 * ministry's {@code SECTOR} and {@code CEPTOAR}.
 */
record AudienceRule(Kind kind, @Nullable Long memberId, @Nullable Long userId, @Nullable String sectorCode,
                    @Nullable Long ceptoarTenantId, @Nullable Long nationalOrganisationId,
                    @Nullable String corporateNumber, @Nullable String localGovernmentCode) {

    enum Kind { MEMBERS, NON_MEMBER_RECIPIENTS, MEMBER, USER, SECTOR, CEPTOAR, MINISTRY, OPERATOR }

    static AudienceRule of(Kind kind) {
        return new AudienceRule(kind, null, null, null, null, null, null, null);
    }
}
