package jp.ceptoarhub.devstack;

import jakarta.inject.Singleton;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.Role;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.identity.UserInvitations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantCommands;
import jp.ceptoarhub.tenancy.TenantDirectory;
import jp.ceptoarhub.tenancy.TenantService;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo data, created through the same services the API uses: three CEPTOAR tenants from the September 2024 list,
 * and one demo user per role, all with the same known password.
 */
@Singleton
public class DemoData {
    public static final String PASSWORD = "CeptoarDemo-2026!";

    private final TenantService tenantService;
    private final TenantDirectory tenants;
    private final UserInvitations invitations;
    private final IdentityProvisioning keycloak;
    private final UserDirectory users;

    DemoData(TenantService tenantService, TenantDirectory tenants, UserInvitations invitations,
             IdentityProvisioning keycloak, UserDirectory users) {
        this.tenantService = tenantService;
        this.tenants = tenants;
        this.invitations = invitations;
        this.keycloak = keycloak;
        this.users = users;
    }

    public record DemoUser(String role, String username, String realm) {
    }

    public record Summary(List<DemoUser> users) {
    }

    private record DemoTenant(String code, String nameJa, String nameEn, String ceptoarCode) {
    }

    public Summary load() {
        AuditService.Actor actor = AuditService.Actor.system("demo-data");
        List<DemoUser> out = new ArrayList<>();
        Tenant nationalTenant = tenants.findByCode("national").orElseThrow();
        out.add(person(nationalTenant, Role.PLATFORM_ADMIN, "demo-platform-admin", actor));
        out.add(person(nationalTenant, Role.NISC_ANALYST, "demo-nisc-analyst", actor));
        List<DemoTenant> demoTenants = List.of(
                new DemoTenant("denryoku", "電力CEPTOAR", "Electricity CEPTOAR", "ELECTRICITY_CEPTOAR"),
                new DemoTenant("jichitai", "自治体CEPTOAR", "Local Government CEPTOAR", "LOCAL_GOVERNMENT_CEPTOAR"),
                new DemoTenant("t-ceptoar", "T-CEPTOAR", "T-CEPTOAR (telecommunications)", "T_CEPTOAR"));
        for (DemoTenant d : demoTenants) {
            Tenant tenant = tenants.findByCode(d.code()).orElse(null);
            if (tenant == null) {
                var created = tenantService.create(new TenantCommands.CreateTenant(d.code(), d.nameJa(), d.nameEn(),
                        d.ceptoarCode(), 180, new TenantCommands.FirstAdmin(d.code() + "-secretariat-admin",
                        d.code() + "-admin@example.jp", d.nameJa() + " 事務局管理者")), actor);
                tenant = created.tenant();
                keycloak.resetCredentials(tenant.realmName(), created.firstAdmin().subject(), PASSWORD, List.of("CONFIGURE_TOTP"));
            }
            out.add(new DemoUser(Role.SECRETARIAT_ADMIN.code(), d.code() + "-secretariat-admin", tenant.realmName()));
            out.add(person(tenant, Role.SECRETARIAT_STAFF, d.code() + "-secretariat-staff", actor));
            out.add(person(tenant, Role.OPERATOR_ADMIN, d.code() + "-operator-admin", actor));
            out.add(person(tenant, Role.OPERATOR_STAFF, d.code() + "-operator-staff", actor));
        }
        return new Summary(out);
    }

    private DemoUser person(Tenant tenant, Role role, String username, AuditService.Actor actor) {
        if (!users.usernameTaken(tenant.id(), username)) {
            var invitation = invitations.invite(tenant.id(), tenant.realmName(), actor,
                    new UserInvitations.Invite(username, username + "@example.jp", username, role, null));
            keycloak.resetCredentials(tenant.realmName(), invitation.subject(), PASSWORD,
                    role.requiresTotp() ? List.of("CONFIGURE_TOTP") : List.of());
        }
        return new DemoUser(role.code(), username, tenant.realmName());
    }
}
