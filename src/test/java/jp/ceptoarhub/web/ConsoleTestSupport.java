package jp.ceptoarhub.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.core.annotation.NonNull;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: the service on a fixed free port whose console URL every realm accepts (the start-up
 * alignment registers it), one shared Chromium, a fresh browser context per test, sign-in through Keycloak's real
 * login pages (password change and TOTP included), axe-core on every main page, screenshots under
 * target/console-screenshots, and a record of every API call the console made, checked against the spec.
 */
public abstract class ConsoleTestSupport extends MemberRecordsTestSupport {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Set<String> CALLS = new ConcurrentSkipListSet<>();
    private static final String AXE = axeSource();

    private final int port = freePort();
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** The grant types of the token requests the console sent to Keycloak (authorization_code, refresh_token). */
    protected final List<String> tokenGrants = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public @NonNull Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(super.getProperties());
        p.put("micronaut.server.port", String.valueOf(port));
        // KeycloakLogin (API set-up) redirects to 127.0.0.1:8080; the browser to this service's own port.
        p.put("ceptoar.keycloak.client-redirect-uris", KeycloakLogin.REDIRECT_URI.replace("/callback", "/*") + ","
                + consoleUrl() + "/*,jp.ceptoarhub.app:/oauth2redirect");
        return p;
    }

    protected String consoleUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A fresh browser (cookies, storage) with the given viewport, its API calls recorded. JST is shown whatever the zone. */
    protected Page newPage(int width, int height) {
        Browser browser = Chromium.browser();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("ja-JP").setTimezoneId("Europe/London")
                .setAcceptDownloads(true));
        contexts.add(context);
        String api = consoleUrl() + "/api/";
        context.onRequest(r -> {
            if (r.url().endsWith("/protocol/openid-connect/token") && r.postData() != null) {
                java.util.regex.Matcher grant = Pattern.compile("grant_type=([a-z_]+)").matcher(r.postData());
                if (grant.find()) {
                    tokenGrants.add(grant.group(1));
                }
            }
            if (r.url().startsWith(api)) {
                CALLS.add(r.method() + " " + r.url().substring(consoleUrl().length()).split("\\?")[0]);
            }
        });
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    protected Page desktop() {
        return newPage(1280, 860);
    }

    protected Page phone() {
        return newPage(390, 844);
    }

    /** The last screen of every test, for a look after a failure. */
    @AfterEach
    void closeContexts(org.junit.jupiter.api.TestInfo test) {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                try {
                    screenshot(page, "last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test") + "-" + n++);
                } catch (RuntimeException ignored) {
                    // a page that is gone has nothing to show
                }
            }
        }
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A person whose first sign-in must set up TOTP (as secretariat and national users are invited). */
    protected TestUser personWithTotp(Tenant tenant, Role role) {
        String username = unique(role.code().replace("-", "") + "-");
        var created = provisioning.createUser(tenant.realmName(), new IdentityProvisioning.NewUser(username,
                username + "@example.jp", true, "Test", role.code(), PASSWORD, List.of("CONFIGURE_TOTP"))
                .withSecondFactor(role.requiresTotp()));
        var user = users.register(tenant.id(), created.subject(), username, username + "@example.jp",
                "テスト " + role.code(), role, null);
        return new TestUser(tenant, user.id(), created.subject(), username);
    }

    /** A national person (NISC analyst, ministry officer) of the given national organisation who must set up TOTP. */
    protected TestUser nationalPersonWithTotp(Role role, String organisationCode) {
        Tenant tenant = national();
        String username = unique(role.code().replace("-", "") + "-");
        var created = provisioning.createUser(tenant.realmName(), new IdentityProvisioning.NewUser(username,
                username + "@example.jp", true, "Test", role.code(), PASSWORD, List.of("CONFIGURE_TOTP"))
                .withSecondFactor(role.requiresTotp()));
        long organisationId = context.getBean(NationalOrganisations.class).findByCode(organisationCode).orElseThrow().id();
        var user = users.register(tenant.id(), created.subject(), username, username + "@example.jp",
                "テスト " + role.code(), role, null, organisationId);
        return new TestUser(tenant, user.id(), created.subject(), username);
    }

    /**
     * Signs in at the tenant-specific URL through Keycloak's login pages: password, then whatever Keycloak asks
     * (a new password, TOTP set-up computed from the secret on the page, a TOTP code). Returns the TOTP secret if one
     * was set up. Ends on the console with its first page drawn.
     */
    protected String signIn(Page page, String tenantCode, String username, String password, String newPassword,
                            String totpSecret) throws Exception {
        page.navigate(consoleUrl() + "/?tenant=" + tenantCode);
        page.waitForURL(u -> !u.startsWith(consoleUrl()));
        String secret = totpSecret;
        for (int step = 0; step < 6 && !page.url().startsWith(consoleUrl()); step++) {
            Locator form = page.locator("form").first();
            if (page.locator("input[name=password-new]").count() > 0) {
                page.fill("input[name=password-new]", newPassword);
                page.fill("input[name=password-confirm]", newPassword);
            } else if (page.locator("input[name=totpSecret]").count() > 0) {
                secret = page.locator("input[name=totpSecret]").inputValue();
                page.fill("input[name=totp]", KeycloakLogin.totp(secret));
                if (page.locator("input[name=userLabel]").count() > 0) {
                    page.fill("input[name=userLabel]", "browser test");
                }
            } else if (page.locator("input[name=otp]").count() > 0) {
                page.fill("input[name=otp]", KeycloakLogin.totp(secret));
            } else if (page.locator("input[name=username]").count() > 0) {
                page.fill("input[name=username]", username);
                page.fill("input[name=password]", password);
            } else {
                throw new AssertionError("Unexpected Keycloak page " + page.url() + ": " + page.content().substring(0, 800));
            }
            String before = page.url() + page.content().length();
            form.locator("input[type=submit], button[type=submit]").first().click();
            page.waitForLoadState();
            page.waitForCondition(() -> !(page.url() + page.content().length()).equals(before)
                    || page.url().startsWith(consoleUrl()));
        }
        page.waitForURL(u -> u.startsWith(consoleUrl()));
        assertThat(page.locator("#main h1")).isVisible();
        return secret;
    }

    protected String signIn(Page page, TestUser user) throws Exception {
        return signIn(page, user.tenant().code(), user.username(), PASSWORD, PASSWORD, null);
    }

    /** Waits for the page whose h1 is this text (pages render after their API calls). */
    protected void onPage(Page page, String heading) {
        try {
            assertThat(page.locator("#main h1")).hasText(heading);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nThe page said: " + page.locator("#main").innerText(), e);
        }
    }

    /** Follows a menu entry (on a phone the menu opens first). */
    protected void menu(Page page, String name) {
        Locator toggle = page.locator(".menu-toggle");
        if (toggle.isVisible()) {
            toggle.click();
        }
        page.locator("#nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    protected Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** axe-core on the current page: no serious or critical violation; no message key left untranslated. */
    @SuppressWarnings("unchecked")
    protected void accessible(Page page) {
        assertThat(page.locator("body")).not().containsText("⟦");
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.evaluate(AXE);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({id: v.id, impact: v.impact, help: v.help,
                              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))""");
        assertThat(violations).as("axe-core serious/critical violations on " + page.url()).isEmpty();
    }

    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
    }

    /** Every API call the console made (method + path) is an operation of api-spec/openapi.yaml. */
    @AfterAll
    void everyCallIsInTheSpec() throws IOException {
        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(Path.of("api-spec", "openapi.yaml"))) {
            spec = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        List<Map.Entry<Pattern, String>> operations = new ArrayList<>();
        paths.forEach((template, ops) -> ops.keySet().forEach(method -> operations.add(Map.entry(
                Pattern.compile(method.toUpperCase() + " " + template.replaceAll("\\{[^}]+}", "[^/]+")), template))));
        Set<String> unknown = new TreeSet<>();
        for (String call : CALLS) {
            if (operations.stream().noneMatch(o -> o.getKey().matcher(call).matches())) {
                unknown.add(call);
            }
        }
        assertThat(CALLS).as("the console made API calls").isNotEmpty();
        assertThat(unknown).as("API calls of the console that api-spec/openapi.yaml does not define").isEmpty();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = ConsoleTestSupport.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core WebJar missing from the test classpath", e);
        }
    }
}
