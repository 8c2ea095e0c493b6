package jp.ceptoarhub.devstack;

import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.identity.UserInvitations;
import jp.ceptoarhub.members.MemberCommands;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantDirectory;
import jp.ceptoarhub.tenancy.TenantService;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo data, created through the same services the API uses: three CEPTOAR tenants from the September 2024 list,
 * one member operator each (電力CEPTOAR two more, whose staff read alerts), and one demo user per role (operator
 * users belong to that member; the NISC analyst to the NISC desk; a 経済産業省 ministry officer), all with the same
 * known password. The members' readiness records and the demo alerts are written by {@link DemoLauncher} through
 * the API. Secretariat and national users need their second factor first ({@link #requireSecondFactors}), as in
 * production; the launcher's own authenticator enrolments are removed afterwards
 * ({@link #resetLauncherAuthenticators}), so each person sets up theirs at their first sign-in.
 */
@Singleton
public class DemoData {
    public static final String PASSWORD = "CeptoarDemo-2026!";

    private final TenantService tenantService;
    private final TenantDirectory tenants;
    private final UserInvitations invitations;
    private final IdentityProvisioning keycloak;
    private final UserDirectory users;

    private final MemberService members;
    private final NationalOrganisations nationalOrganisations;
    private final List<String[]> secondFactorPending = new ArrayList<>();

    DemoData(TenantService tenantService, TenantDirectory tenants, UserInvitations invitations,
             IdentityProvisioning keycloak, UserDirectory users, MemberService members,
             NationalOrganisations nationalOrganisations) {
        this.members = members;
        this.nationalOrganisations = nationalOrganisations;
        this.tenantService = tenantService;
        this.tenants = tenants;
        this.invitations = invitations;
        this.keycloak = keycloak;
        this.users = users;
    }

    public record DemoUser(String role, String username, String realm, String tenantCode) {
    }

    /** A demo member operator created by this run (its records are written through the API by the launcher). */
    public record DemoMember(String realm, String operatorAdmin, long memberId, String sectorCode) {
    }

    public record Summary(List<DemoUser> users, List<DemoMember> newMembers) {
        public DemoUser user(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        }
    }

    private record DemoTenant(String code, String nameJa, String nameEn, String ceptoarCode, MemberCommands.MemberInput member) {
    }

    public Summary load() {
        Actor actor = Actor.system("demo-data");
        List<DemoUser> out = new ArrayList<>();
        List<DemoMember> newMembers = new ArrayList<>();
        Tenant nationalTenant = tenants.findByCode("national").orElseThrow();
        out.add(person(nationalTenant, Role.PLATFORM_ADMIN, "demo-platform-admin", actor, null));
        out.add(person(nationalTenant, Role.NISC_ANALYST, "demo-nisc-analyst", actor, null));
        out.add(person(nationalTenant, Role.MINISTRY_OFFICER, "demo-meti-officer", actor, null));
        List<DemoTenant> demoTenants = List.of(
                new DemoTenant("denryoku", "電力CEPTOAR", "Electricity CEPTOAR", "ELECTRICITY_CEPTOAR",
                        new MemberCommands.MemberInput("デモ電力株式会社", "デモデンリョクカブシキガイシャ", "Demo Electric Power Co., Inc.",
                                "7123456789012", null, "ELECTRICITY", "ELECTRICITY_GENERAL", "1000-to-under-5000",
                                "300m-or-more", "MEMBER", "東京都千代田区", "デモデータ")),
                new DemoTenant("jichitai", "自治体CEPTOAR", "Local Government CEPTOAR", "LOCAL_GOVERNMENT_CEPTOAR",
                        new MemberCommands.MemberInput("千代田区", "チヨダク", "Chiyoda City", null, "131016",
                                "GOVERNMENT_ADMINISTRATIVE_SERVICES", "LOCAL_GOVERNMENT", null, null, "MEMBER",
                                "東京都千代田区九段南1-2-1", "デモデータ")),
                new DemoTenant("t-ceptoar", "T-CEPTOAR", "T-CEPTOAR (telecommunications)", "T_CEPTOAR",
                        new MemberCommands.MemberInput("デモ通信株式会社", "デモツウシンカブシキガイシャ", "Demo Telecom Corporation",
                                "3987654321098", null, "INFORMATION_COMMUNICATIONS", "TELECOMMUNICATIONS", "1000-to-under-5000",
                                "300m-or-more", "MEMBER", "東京都港区", "デモデータ")));
        for (DemoTenant d : demoTenants) {
            Tenant tenant = tenants.findByCode(d.code()).orElse(null);
            Long memberId = null;
            if (tenant == null) {
                var created = tenantService.create(new TenantCommands.CreateTenant(d.code(), d.nameJa(), d.nameEn(),
                        d.ceptoarCode(), 180, new TenantCommands.FirstAdmin(d.code() + "-secretariat-admin",
                        d.code() + "-admin@example.jp", d.nameJa() + " 事務局管理者")), actor);
                tenant = created.tenant();
                keycloak.resetCredentials(tenant.realmName(), created.firstAdmin().subject(), PASSWORD, List.of());
                secondFactorPending.add(new String[]{tenant.realmName(), created.firstAdmin().subject()});
                AppUser firstAdmin = users.findBySubject(tenant.id(), created.firstAdmin().subject()).orElseThrow();
                CurrentUser secretariat = new CurrentUser(tenant.id(), tenant.code(), tenant.kind(), firstAdmin.id(),
                        firstAdmin.subject(), firstAdmin.username(), Role.SECRETARIAT_ADMIN, null);
                memberId = members.create(secretariat, d.member()).id();
            }
            out.add(new DemoUser(Role.SECRETARIAT_ADMIN.code(), d.code() + "-secretariat-admin", tenant.realmName(),
                    tenant.code()));
            out.add(person(tenant, Role.SECRETARIAT_STAFF, d.code() + "-secretariat-staff", actor, null));
            out.add(person(tenant, Role.OPERATOR_ADMIN, d.code() + "-operator-admin", actor, memberId));
            out.add(person(tenant, Role.OPERATOR_STAFF, d.code() + "-operator-staff", actor, memberId));
            if (memberId != null) {
                newMembers.add(new DemoMember(tenant.realmName(), d.code() + "-operator-admin", memberId,
                        d.member().sectorCode()));
            }
            if (d.code().equals("denryoku")) {
                out.addAll(moreElectricityMembers(tenant, actor));
            }
        }
        return new Summary(out, newMembers);
    }

    /** Two more members of 電力CEPTOAR, each with an operator-staff user, so that an alert has several readers. */
    private List<DemoUser> moreElectricityMembers(Tenant tenant, Actor actor) {
        List<DemoUser> out = new ArrayList<>();
        String[][] more = {{"デモ東西電力株式会社", "デモトウザイデンリョクカブシキガイシャ", "234567890121"},
                {"デモ北陸送配電株式会社", "デモホクリクソウハイデンカブシキガイシャ", "345678901231"}};
        for (int i = 0; i < more.length; i++) {
            String username = "denryoku-operator-staff-" + (i + 2);
            Long memberId = null;
            if (!users.usernameTaken(tenant.id(), username)) {
                AppUser admin = users.usersOf(tenant.id()).stream()
                        .filter(u -> Role.SECRETARIAT_ADMIN.code().equals(u.role())).findFirst().orElseThrow();
                CurrentUser secretariat = new CurrentUser(tenant.id(), tenant.code(), tenant.kind(), admin.id(),
                        admin.subject(), admin.username(), Role.SECRETARIAT_ADMIN, null);
                memberId = members.create(secretariat, new MemberCommands.MemberInput(more[i][0], more[i][1], null,
                        OrganisationCodes.corporateCheckDigit(more[i][2]) + more[i][2], null,
                        "ELECTRICITY", "ELECTRICITY_GENERAL", null, null, "MEMBER", null, "デモデータ")).id();
            }
            out.add(person(tenant, Role.OPERATOR_STAFF, username, actor, memberId));
        }
        return out;
    }

    /** Asks the secretariat and national demo users for their second factor (TOTP) at their next sign-in. */
    public void requireSecondFactors() {
        for (String[] pending : secondFactorPending) {
            keycloak.requireSecondFactor(pending[0], pending[1]);
        }
    }

    /** Removes the authenticators the launcher enrolled while seeding: each person enrols their own. */
    public void resetLauncherAuthenticators() {
        for (String[] pending : secondFactorPending) {
            keycloak.resetSecondFactor(pending[0], pending[1]);
        }
        secondFactorPending.clear();
    }

    private DemoUser person(Tenant tenant, Role role, String username, Actor actor, Long memberId) {
        if (!users.usernameTaken(tenant.id(), username)) {
            Long organisation = switch (role) {
                case NISC_ANALYST -> nationalOrganisations.niscDesk().id();
                case MINISTRY_OFFICER -> nationalOrganisations.findByCode("METI").orElseThrow().id();
                default -> null;
            };
            var invitation = invitations.invite(tenant.id(), tenant.realmName(), actor,
                    new UserInvitations.Invite(username, username + "@example.jp", username, role, memberId, organisation));
            keycloak.resetCredentials(tenant.realmName(), invitation.subject(), PASSWORD, List.of());
            if (role.requiresTotp()) {
                secondFactorPending.add(new String[]{tenant.realmName(), invitation.subject()});
            }
        }
        return new DemoUser(role.code(), username, tenant.realmName(), tenant.code());
    }
}
