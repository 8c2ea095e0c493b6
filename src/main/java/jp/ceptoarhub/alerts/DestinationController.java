package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.MemberSummary;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.NationalOrganisations.NationalOrganisation;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a composer (or a passer) may address, for the console's pickers: NISC sees the sectors with their competent
 * ministry and the CEPTOARs on the platform, the ministries, and the national users it may name; a ministry the
 * CEPTOARs of its own sectors; a CEPTOAR's secretariat the sizes of its membership (members and users are picked
 * through /api/v1/members and /api/v1/users). Nobody else addresses anything (403).
 */
@Controller("/api/v1/alerts/destinations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DestinationController {
    private final Viewers viewers;
    private final Audiences audiences;
    private final TenantDirectory tenants;
    private final NationalOrganisations national;
    private final UserDirectory users;
    private final MemberService members;

    DestinationController(Viewers viewers, Audiences audiences, TenantDirectory tenants, NationalOrganisations national,
                          UserDirectory users, MemberService members) {
        this.viewers = viewers;
        this.audiences = audiences;
        this.tenants = tenants;
        this.national = national;
        this.users = users;
        this.members = members;
    }

    @Serdeable
    record CeptoarRef(String code, String name, @Nullable String sectorCode) {
    }

    @Serdeable
    record SectorRef(String code, String label, @Nullable String ministryCode, @Nullable String ministry,
                     List<CeptoarRef> ceptoars) {
    }

    @Serdeable
    record OrganisationRef(String code, String name) {
    }

    @Serdeable
    record UserRef(long id, String name, String organisationKind, long organisationId, String affiliation) {
    }

    @Serdeable
    record Destinations(List<String> kinds, List<SectorRef> sectors, List<CeptoarRef> ceptoars,
                        List<OrganisationRef> ministries, List<UserRef> users, @Nullable Integer members,
                        @Nullable Integer nonMemberRecipients) {
    }

    @Get
    Destinations get(CurrentUser user, HttpRequest<?> request) {
        Viewer v = viewers.of(user);
        Labels lang = Labels.of(request);
        if (v.org() == null || !v.sender() && !v.passer()) {
            throw Problems.forbidden("Only senders (a CEPTOAR's secretariat, NISC analysts) and ministry officers "
                    + "address alerts");
        }
        if (v.org().kind() == OrgRef.Kind.SECRETARIAT) {
            int m = 0;
            int n = 0;
            for (MemberSummary s : members.allOfTenant(v.tenantId())) {
                m += s.member() ? 1 : 0;
                n += s.nonMemberRecipient() ? 1 : 0;
            }
            return new Destinations(List.of("MEMBERS", "NON_MEMBER_RECIPIENTS", "MEMBER", "USER"), List.of(), List.of(),
                    List.of(), List.of(), m, n);
        }
        NationalOrganisation own = national.find(v.org().id()).orElseThrow();
        List<CeptoarRef> ceptoars = new ArrayList<>();
        for (Tenant t : tenants.ceptoarTenants()) {
            String sector = audiences.sectorOf(t);
            if (t.active() && (!own.ministry() || sector != null && own.sectorCodes().contains(sector))) {
                ceptoars.add(new CeptoarRef(t.code(), lang.pick(t.nameJa(), t.nameEn()), sector));
            }
        }
        List<SectorRef> sectors = new ArrayList<>();
        for (Map.Entry<String, String> s : audiences.sectorNames(lang).entrySet()) {
            if (own.ministry() && !own.sectorCodes().contains(s.getKey())) {
                continue;
            }
            NationalOrganisation ministry = national.competentFor(s.getKey()).orElse(null);
            sectors.add(new SectorRef(s.getKey(), s.getValue(), ministry == null ? null : ministry.code(),
                    ministry == null ? null : ministry.name(lang),
                    ceptoars.stream().filter(c -> s.getKey().equals(c.sectorCode())).toList()));
        }
        if (own.ministry()) {
            return new Destinations(List.of("SECTOR", "CEPTOAR"), sectors, ceptoars, List.of(), List.of(), null, null);
        }
        List<UserRef> named = new ArrayList<>();
        for (AppUser u : users.usersOf(v.tenantId())) {
            OrgRef org = u.active() ? viewers.organisationOf(u) : null;
            if (org != null) {
                named.add(new UserRef(u.id(), u.displayName() == null ? u.username() : u.displayName(),
                        org.kind().name(), org.id(), u.affiliation().code()));
            }
        }
        List<OrganisationRef> ministries = national.all().stream().filter(NationalOrganisation::ministry)
                .map(o -> new OrganisationRef(o.code(), o.name(lang))).toList();
        return new Destinations(List.of("SECTOR", "CEPTOAR", "MINISTRY", "OPERATOR", "USER"), sectors, ceptoars,
                ministries, named, null, null);
    }
}
