package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;

/**
 * An organisation that sends, receives or passes on alerts, inside its tenant: a CEPTOAR's secretariat (事務局,
 * id 0), one of its member operators, or a national organisation (the NISC desk or a ministry). Stored as
 * {@code (org_kind, org_id)}.
 */
record OrgRef(Kind kind, long id) {
    enum Kind { SECRETARIAT, MEMBER, NATIONAL }

    static final OrgRef SECRETARIAT = new OrgRef(Kind.SECRETARIAT, 0);

    static OrgRef member(long memberId) {
        return new OrgRef(Kind.MEMBER, memberId);
    }

    static OrgRef national(long organisationId) {
        return new OrgRef(Kind.NATIONAL, organisationId);
    }

    /** The organisation a user belongs to, or null (platform admins, the NISC system client, unattached users). */
    static @Nullable OrgRef of(AppUser user) {
        Role role = Role.fromCode(user.role()).orElse(null);
        if (role == null) {
            return null;
        }
        if (role.secretariat()) {
            return SECRETARIAT;
        }
        if (role.operator()) {
            return user.memberOperatorId() == null ? null : member(user.memberOperatorId());
        }
        if (role == Role.NISC_ANALYST || role == Role.MINISTRY_OFFICER) {
            return user.nationalOrganisationId() == null ? null : national(user.nationalOrganisationId());
        }
        return null;
    }

    static OrgRef of(String kind, long id) {
        return new OrgRef(Kind.valueOf(kind), id);
    }
}
