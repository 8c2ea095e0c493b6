package jp.ceptoarhub.tenancy;

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
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.util.List;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeController {
    private final TenantDirectory tenants;
    private final UserDirectory users;
    private final NationalOrganisations nationalOrganisations;

    MeController(TenantDirectory tenants, UserDirectory users, NationalOrganisations nationalOrganisations) {
        this.tenants = tenants;
        this.users = users;
        this.nationalOrganisations = nationalOrganisations;
    }

    @Get
    Me me(CurrentUser user, HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        Tenant tenant = tenants.findById(user.tenantId()).orElseThrow();
        AppUser appUser = users.find(user.tenantId(), user.userId()).orElseThrow();
        return new Me(
                new Me.TenantRef(tenant.id(), tenant.code(), tenant.kind().name(),
                        lang.pick(tenant.nameJa(), tenant.nameEn())),
                new Me.UserRef(appUser.id(), appUser.subject(), appUser.username(), appUser.email(),
                        appUser.displayName()),
                user.memberOperatorId(),
                List.of(new Me.RoleRef(user.role().code(), user.role().label(lang))),
                lang.tag(),
                appUser.nationalOrganisationId() == null ? null : nationalOrganisations
                        .find(appUser.nationalOrganisationId())
                        .map(o -> new Me.CodeRef(o.code(), o.name(lang))).orElse(null),
                new Me.CodeRef(appUser.affiliation().code(), appUser.affiliation().label(lang)));
    }

    @Serdeable
    record Me(TenantRef tenant, UserRef user, @Nullable Long memberOperatorId, List<RoleRef> roles, String language,
              @Nullable CodeRef nationalOrganisation, CodeRef affiliation) {
        @Serdeable
        record CodeRef(String code, String label) {
        }

        @Serdeable
        record TenantRef(long id, String code, String kind, String name) {
        }

        @Serdeable
        record UserRef(long id, String subject, String username, @Nullable String email, @Nullable String displayName) {
        }

        @Serdeable
        record RoleRef(String code, String label) {
        }
    }
}
