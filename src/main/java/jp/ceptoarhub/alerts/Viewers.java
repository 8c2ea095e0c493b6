package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.tenancy.NationalOrganisations;

/**
 * Builds the {@link Viewer} of a request from the verified caller and the caller's {@code app_user} row: the role
 * decides the kind of organisation, the row gives which one and the affiliation. A national user is placed only in
 * an organisation that fits the role (the NISC desk for analysts, a ministry for ministry officers).
 */
@Singleton
class Viewers {
    private final UserDirectory users;
    private final NationalOrganisations organisations;

    Viewers(UserDirectory users, NationalOrganisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    Viewer of(CurrentUser user) {
        AppUser row = users.find(user.tenantId(), user.userId()).orElseThrow();
        String name = row.displayName() == null ? row.username() : row.displayName();
        return Viewer.of(user, organisationOf(row), row.affiliation(), name);
    }

    /** The organisation of a user as the visibility predicate sees it; null when it has none that fits its role. */
    @Nullable
    OrgRef organisationOf(AppUser user) {
        OrgRef org = OrgRef.of(user);
        if (org != null && org.kind() == OrgRef.Kind.NATIONAL) {
            boolean officer = Role.MINISTRY_OFFICER.code().equals(user.role());
            boolean fits = organisations.find(org.id()).map(o -> o.ministry() == officer).orElse(false);
            return fits ? org : null;
        }
        return org;
    }
}
