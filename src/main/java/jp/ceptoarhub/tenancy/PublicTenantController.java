package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.identity.RealmTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sign-in directory: which CEPTOARs (and the national tier) a browser or phone can sign in to, with what it needs
 * to start Authorization Code + PKCE against the tenant's realm. Unauthenticated, so it carries only what Keycloak's
 * own discovery documents already publish plus the names: active tenants only (a suspended tenant is as unknown as
 * one that never existed), no database ids, no secrets, no user data.
 */
@Controller("/api/v1/public/tenants")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicTenantController {
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}[a-z0-9]$");

    private final TenantService tenants;

    PublicTenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Get
    HttpResponse<Directory> directory(HttpRequest<?> request) {
        Labels lang = Labels.of(request);
        List<Entry> items = tenants.active().stream()
                .sorted(Comparator.comparing((Tenant t) -> t.kind() != TenantKind.NATIONAL).thenComparing(Tenant::code))
                .map(t -> Entry.of(t, lang)).toList();
        return HttpResponse.ok(new Directory(items)).header("Cache-Control", "no-cache");
    }

    @Get("/{code}")
    HttpResponse<Entry> entry(@PathVariable String code, HttpRequest<?> request) {
        if (!CODE.matcher(code).matches()) {
            throw Problems.invalidField("code", "must be a tenant code: lower-case letters, digits and hyphens, 3 to 32 characters");
        }
        Tenant tenant = tenants.findActiveByCode(code).orElseThrow(() -> Problems.notFound("tenant"));
        return HttpResponse.ok(Entry.of(tenant, Labels.of(request))).header("Cache-Control", "no-cache");
    }

    @Serdeable
    record Directory(List<Entry> items) {
    }

    @Serdeable
    record Entry(String code, String kind, String name, String nameJa, String nameEn, String issuer, String clientId,
                 String authorizationEndpoint, String tokenEndpoint, String endSessionEndpoint) {
        static Entry of(Tenant t, Labels lang) {
            String oidc = t.issuer() + "/protocol/openid-connect";
            return new Entry(t.code(), t.kind().name(), lang.pick(t.nameJa(), t.nameEn()), t.nameJa(), t.nameEn(),
                    t.issuer(), RealmTemplate.WEB_CLIENT, oidc + "/auth", oidc + "/token", oidc + "/logout");
        }
    }
}
