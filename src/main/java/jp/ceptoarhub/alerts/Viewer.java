package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.Affiliation;

/**
 * Who reads, as the visibility predicate needs it: tenant and user from the verified token; organisation,
 * affiliation and whether the user sends for its organisation from the service's database. Unknown values fail
 * closed: a user without an organisation reads nothing but what names them, an unknown affiliation reads GREEN
 * and CLEAR only. {@link #ANONYMOUS} is the public Atom feed's reader.
 */
record Viewer(long tenantId, long userId, @Nullable String name, @Nullable Role role, @Nullable OrgRef org,
              Affiliation affiliation, boolean sender, boolean anonymous, Actor actor) {

    static final Viewer ANONYMOUS = new Viewer(0, 0, null, null, null, Affiliation.CONTRACTOR, false, true,
            Actor.system("public-feed"));

    /**
     * Senders originate alerts for their organisation: the secretariat of a CEPTOAR, NISC analysts for the NISC
     * desk. Ministry officers receive and pass on, but do not originate (情報共有の手引書 図６).
     */
    static boolean sends(Role role) {
        return role.secretariat() || role == Role.NISC_ANALYST;
    }

    /** Passers pass a received alert on (展開): a CEPTOAR's secretariat to its members, a ministry to CEPTOARs. */
    boolean passer() {
        return role != null && org != null
                && (role.secretariat() && org.kind() == OrgRef.Kind.SECRETARIAT
                || role == Role.MINISTRY_OFFICER && org.kind() == OrgRef.Kind.NATIONAL);
    }

    static Viewer of(CurrentUser user, @Nullable OrgRef org, Affiliation affiliation, @Nullable String name) {
        return new Viewer(user.tenantId(), user.userId(), name, user.role(), org, affiliation,
                org != null && sends(user.role()), false, user.actor());
    }
}
