package jp.ceptoarhub.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts in the browser: the secretariat composes an alert with a clear TLP choice, sees how many organisations and
 * readers it will reach before sending, sends it; a member's staff reads it on a phone and acknowledges it; the
 * secretariat follows the acknowledgements, lists who has not acknowledged, downloads the CSV and sends a follow-up
 * (第2報) that joins the thread. Then a NISC analyst composes a provision to the CEPTOAR in the console, and the
 * secretariat passes it on (展開) to the members after the same check.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ConsoleAlertsBrowserTest extends ConsoleTestSupport {
    private Tenant tenant;
    private TestUser admin;
    /** The secretariat admin's TOTP secret, set up by whichever test signs in first. */
    private String adminTotp;
    private long first;
    private long second;
    /** One operator staff user of each member: the readers a GREEN or AMBER alert to the membership reaches. */
    private TestUser firstStaff;
    private TestUser secondStaff;

    @BeforeAll
    void setUp() {
        // 電力セプター (ELECTRICITY), under a name of its own: NISC's composer lists every CEPTOAR of the shared test
        // database by name
        String code = unique("t");
        String nameJa = unique("試験電力CEPTOAR-");
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", Map.of("code", code, "nameJa", nameJa,
                "nameEn", "Test electricity CEPTOAR " + code, "ceptoarCode", "ELECTRICITY_CEPTOAR",
                "firstAdmin", Map.of("username", "first-" + code, "email", "first-" + code + "@example.jp")))
                .bearerAuth(platformAdminToken()), Map.class);
        tenant = tenants.findByCode(code).orElseThrow();
        admin = personWithTotp(tenant, Role.SECRETARIAT_ADMIN);
        String secretariat = token(person(tenant, Role.SECRETARIAT_STAFF));
        first = member(secretariat, "東都電力株式会社");
        second = member(secretariat, "西都電力株式会社");
        firstStaff = person(tenant, Role.OPERATOR_STAFF, first);
        secondStaff = person(tenant, Role.OPERATOR_STAFF, second);
    }

    private long member(String token, String name) {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", Map.of("nameJa", name, "nameKana", "デンリョク",
                "corporateNumber", OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString(), "sectorCode", "ELECTRICITY",
                "membershipKind", "MEMBER")), token, Map.class);
        return ((Number) r.body().get("id")).longValue();
    }

    private void signInAsAdmin(Page page) throws Exception {
        adminTotp = signIn(page, tenant.code(), admin.username(), PASSWORD, PASSWORD, adminTotp);
    }

    @Test
    void composeSendReadAcknowledgeAndFollowUp() throws Exception {
        Page page = desktop();
        signInAsAdmin(page);
        menu(page, "情報提供");
        onPage(page, "情報提供");
        accessible(page);

        link(page, "情報提供を作成").click();
        onPage(page, "情報提供を作成");
        page.getByLabel("重要度").selectOption(new SelectOption().setLabel("注意喚起"));
        page.getByLabel("情報共有範囲（TLP）").selectOption("GREEN");
        page.getByLabel("件名").fill("停電情報を装うフィッシングメールについて");
        page.getByLabel("①概要").fill("停電の通知を装い認証情報を窃取するメールが確認されています。");
        page.getByLabel("③対処方針").fill("・社内への注意喚起\n・URLにアクセスしない");
        page.getByLabel("全構成員").check();
        accessible(page);
        screenshot(page, "secretariat-alert-composer");
        button(page, "下書きを保存").click();

        onPage(page, "送信前の確認");
        assertThat(page.locator("#main")).containsText("この情報提供は 2 組織に届き、2 人が閲覧できます");
        assertThat(page.locator("#main")).containsText("まだ送信していません");
        accessible(page);
        screenshot(page, "secretariat-alert-review");
        button(page, "送信する").first().click();
        page.locator("dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("送信する")).click();
        onPage(page, "停電情報を装うフィッシングメールについて");
        assertThat(page.locator("#main")).containsText("を送信しました");
        assertThat(page.locator("#main")).containsText("TLP:GREEN");
        String number = page.locator("#main article h2").first().textContent().split("（")[0];
        assertThat(number).matches("A\\d+");

        // a member's staff reads it on a phone and acknowledges for the organisation
        Page phone = phone();
        signIn(phone, firstStaff);
        menu(phone, "情報提供");
        onPage(phone, "情報提供");
        Locator threads = phone.locator("#main ol.threads > li");
        assertThat(threads).hasCount(1);
        assertThat(threads).containsText("停電情報を装うフィッシングメールについて");
        assertThat(threads).containsText("未読 1 / 1");
        accessible(phone);
        phone.getByText("停電情報を装うフィッシングメールについて").click();
        onPage(phone, "停電情報を装うフィッシングメールについて");
        accessible(phone);
        screenshot(phone, "phone-operator-alert");
        button(phone, "受領を確認").click();
        assertThat(phone.locator("#main")).containsText("確認済み");

        // the secretariat follows the acknowledgements and lists who has not acknowledged
        link(page, "受領状況").click();
        onPage(page, number + " の受領状況");
        assertThat(page.locator("#main")).containsText("2 組織 ／ 閲覧 1 ／ 確認済み 1 ／ 未確認 1");
        accessible(page);
        screenshot(page, "secretariat-alert-acknowledgements");
        link(page, "未確認の組織だけ").click();
        assertThat(page.locator("#main table")).containsText("西都電力株式会社");
        assertThat(page.locator("#main table")).not().containsText("東都電力株式会社");
        Download csv = page.waitForDownload(() -> button(page, "CSV でダウンロード").click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(text).contains(number).contains("西都電力株式会社").doesNotContain("東都電力株式会社");

        // a follow-up to the same audience joins the thread as 第2報
        link(page, "戻る").click();
        onPage(page, "停電情報を装うフィッシングメールについて");
        link(page, "続報を作成").click();
        onPage(page, "続報を作成");
        assertThat(page.getByLabel("件名")).hasValue("停電情報を装うフィッシングメールについて");
        page.getByLabel("③対処方針").fill("・社内への注意喚起\n・URLにアクセスしない\n・入力した場合はパスワードを変更する");
        button(page, "下書きを保存").click();
        onPage(page, "送信前の確認");
        assertThat(page.locator("#main")).containsText("この情報提供は 2 組織に届き");
        button(page, "送信する").first().click();
        page.locator("dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("送信する")).click();
        assertThat(page.locator("#main")).containsText(number + "-2 を送信しました");
        assertThat(page.locator("#main article h2").first()).containsText(number + "-2（第2報）");
        assertThat(page.locator("#main article")).hasCount(2);

        // the phone's inbox shows one thread with one of its two reports unread
        menu(phone, "情報提供");
        onPage(phone, "情報提供");
        assertThat(threads).hasCount(1);
        assertThat(threads).containsText(number + "-2");
        assertThat(threads).containsText("未読 1 / 2");
        screenshot(phone, "phone-operator-inbox");
    }

    @Test
    void niscComposesAndTheSecretariatPassesItOn() throws Exception {
        TestUser analyst = nationalPersonWithTotp(Role.NISC_ANALYST, "NISC_CI_DESK");
        Page nisc = desktop();
        signIn(nisc, "national", analyst.username(), PASSWORD, PASSWORD, null);
        onPage(nisc, "情報提供");
        link(nisc, "情報提供を作成").click();
        onPage(nisc, "情報提供を作成");
        nisc.getByLabel("重要度").selectOption(new SelectOption().setLabel("警報"));
        nisc.getByLabel("情報共有範囲（TLP）").selectOption("AMBER");
        nisc.getByLabel("件名").fill("制御系の遠隔監視装置を狙う攻撃");
        nisc.getByLabel("①概要").fill("既知の脆弱性を悪用した不正アクセスが確認されています。");
        nisc.getByLabel(tenant.nameJa(), new Page.GetByLabelOptions().setExact(true)).check();
        accessible(nisc);
        screenshot(nisc, "nisc-alert-composer");
        button(nisc, "下書きを保存").click();
        onPage(nisc, "送信前の確認");
        // the CEPTOAR's secretariat and the sector's competent ministry
        assertThat(nisc.locator("#main")).containsText("この情報提供は 2 組織に届き");
        assertThat(nisc.locator("#main")).containsText("経済産業省");
        assertThat(nisc.locator("#main")).containsText(tenant.nameJa());
        accessible(nisc);
        button(nisc, "送信する").first().click();
        nisc.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("送信する")).click();
        onPage(nisc, "制御系の遠隔監視装置を狙う攻撃");
        assertThat(nisc.locator("#main")).containsText("を送信しました");
        assertThat(nisc.locator("#main")).containsText("TLP:AMBER");
        // a thread's first report carries the thread's id
        long alertId = Long.parseLong(nisc.url().replaceAll(".*/threads/", ""));

        // the members cannot read it until the secretariat passes it on
        assertThat(status(secondStaff, alertId)).isEqualTo(404);
        assertThat(status(nationalPerson(Role.MINISTRY_OFFICER, "METI"), alertId)).isEqualTo(200);
        assertThat(status(nationalPerson(Role.MINISTRY_OFFICER, "MLIT"), alertId)).isEqualTo(404);

        Page page = desktop();
        signInAsAdmin(page);
        menu(page, "情報提供");
        page.getByText("制御系の遠隔監視装置を狙う攻撃").click();
        onPage(page, "制御系の遠隔監視装置を狙う攻撃");
        assertThat(page.locator("#main")).containsText("本件問合せ先（重要インフラ所管省庁からの問合せに限る。）");
        link(page, "展開する").click();
        page.getByLabel("全構成員").check();
        button(page, "届く範囲を確認").click();
        assertThat(page.locator("#pass-on-reach")).containsText("展開すると 2 組織に届き、2 人が閲覧できます");
        accessible(page);
        screenshot(page, "secretariat-alert-pass-on");
        page.locator("#pass-on-reach").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("展開する")).click();
        onPage(page, "制御系の遠隔監視装置を狙う攻撃");
        assertThat(page.locator("#main")).containsText("2 組織に展開しました");
        assertThat(status(secondStaff, alertId)).isEqualTo(200);
    }

    private int status(TestUser user, long alertId) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/alerts/" + alertId).bearerAuth(token(user)), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
