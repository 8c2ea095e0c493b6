package jp.ceptoarhub.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in directory, and a platform admin (TOTP) who creates a CEPTOAR tenant, suspends and reactivates it; the
 * national tier's reference page with the TLP labels.
 */
@MicronautTest(transactional = false)
class ConsolePlatformBrowserTest extends ConsoleTestSupport {

    @Test
    void signInPageListsTheNationalTierAndTheCeptoars() {
        var tenant = tenantA();
        Page page = desktop();
        page.navigate(consoleUrl() + "/");
        onPage(page, "サインイン");
        assertThat(page.locator("[data-tenant=national]")).isVisible();
        assertThat(page.locator("[data-tenant=" + tenant.code() + "]")).isVisible();
        accessible(page);
        screenshot(page, "signin");
        page.locator("[data-tenant=" + tenant.code() + "]").click();
        page.waitForURL(u -> u.contains("/realms/" + tenant.realmName() + "/protocol/openid-connect/auth"));
    }

    @Test
    void platformAdminCreatesSuspendsAndReactivatesATenant() throws Exception {
        TestUser admin = personWithTotp(national(), Role.PLATFORM_ADMIN);
        Page page = desktop();
        signIn(page, "national", admin.username(), PASSWORD, PASSWORD, null);
        onPage(page, "テナント");
        accessible(page);
        screenshot(page, "platform-tenants");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("テナントを作成")).click();
        onPage(page, "テナントを作成");
        String code = unique("c");
        page.getByLabel("コード (必須)").fill(code);
        page.getByLabel("名称（日本語） (必須)").fill("ガスCEPTOAR（画面試験）");
        page.getByLabel("名称（英語） (必須)").fill("Gas CEPTOAR (console test)");
        page.getByLabel("セプター一覧の該当").selectOption("GAS_CEPTOAR");
        page.getByLabel("ユーザー名 (必須)").fill("first-" + code);
        page.getByLabel("電子メール (必須)").fill("first-" + code + "@example.jp");
        accessible(page);
        button(page, "保存").click();
        // Creating a tenant creates its Keycloak realm: allow a busy machine more than the usual wait.
        assertThat(page.locator("#main h1")).hasText("ガスCEPTOAR（画面試験）",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(page.locator("#main")).containsText("作成しました");
        assertThat(page.locator("#main")).containsText("/?tenant=" + code);
        screenshot(page, "platform-tenant-created");
        assertThat(tenants.findByCode(code)).isPresent();

        button(page, "停止").click();
        page.locator("dialog").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("停止")).click();
        assertThat(page.locator("#main .facts")).containsText("停止中");
        button(page, "再開").click();
        assertThat(page.locator("#main .facts")).containsText("稼働中");

        menu(page, "参照情報");
        onPage(page, "参照情報");
        assertThat(page.locator(".tlp.tlp-amber").first()).hasText("TLP:AMBER+STRICT");
        accessible(page);
        screenshot(page, "reference-tlp");

        // Sign-out drops half-filled forms too, and ends the Keycloak session: a reload does not sign in again.
        menu(page, "テナント");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("テナントを作成")).click();
        onPage(page, "テナントを作成");
        page.getByLabel("コード (必須)").fill("draft-before-sign-out");
        assertThat((Number) page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('ceptoar.draft:')).length"))
                .isEqualTo(1);
        button(page, "サインアウト").click();
        onPage(page, "サインイン");
        assertThat((Number) page.evaluate("() => Object.keys(sessionStorage).filter(k => k.startsWith('ceptoar.')).length"))
                .isEqualTo(0);
        page.reload();
        onPage(page, "サインイン");
        page.navigate(consoleUrl() + "/?tenant=national");
        page.waitForURL(u -> !u.startsWith(consoleUrl()));
        assertThat(page.locator("input[name=username]")).isVisible();
    }
}
