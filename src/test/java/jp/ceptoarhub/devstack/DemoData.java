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
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantDirectory;
import jp.ceptoarhub.tenancy.TenantService;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo data, created through the same services the API uses: three CEPTOAR tenants from the September 2024 list,
 * one member operator each, and one demo user per role (operator users belong to that member), all with the same
 * known password. The members' readiness records are written by {@link DemoLauncher} through the API.
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

    DemoData(TenantService tenantService, TenantDirectory tenants, UserInvitations invitations,
             IdentityProvisioning keycloak, UserDirectory users, MemberService members) {
        this.members = members;
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
                keycloak.resetCredentials(tenant.realmName(), created.firstAdmin().subject(), PASSWORD, List.of("CONFIGURE_TOTP"));
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
        }
        return new Summary(out, newMembers);
    }

    private DemoUser person(Tenant tenant, Role role, String username, Actor actor, Long memberId) {
        if (!users.usernameTaken(tenant.id(), username)) {
            var invitation = invitations.invite(tenant.id(), tenant.realmName(), actor,
                    new UserInvitations.Invite(username, username + "@example.jp", username, role, memberId));
            keycloak.resetCredentials(tenant.realmName(), invitation.subject(), PASSWORD,
                    role.requiresTotp() ? List.of("CONFIGURE_TOTP") : List.of());
        }
        return new DemoUser(role.code(), username, tenant.realmName(), tenant.code());
    }
}
