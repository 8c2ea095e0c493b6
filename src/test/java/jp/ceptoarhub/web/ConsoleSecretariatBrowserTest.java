package jp.ceptoarhub.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secretariat admin at a desk: signs in with TOTP set-up, reads the freshness dashboard, invites an operator user
 * who then signs in for the first time, imports a CSV whose bad row is shown as such, returns a self-assessment
 * submission, verifies the audit chain and switches the console to English.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ConsoleSecretariatBrowserTest extends ConsoleTestSupport {
    private Tenant tenant;
    private TestUser admin;
    private long memberId;
    private long campaignId;

    @BeforeAll
    void setUp() {
        tenant = tenantA();
        admin = personWithTotp(tenant, Role.SECRETARIAT_ADMIN);
        String secretariat = token(person(tenant, Role.SECRETARIAT_STAFF));
        memberId = createMember(secretariat);
        String operator = token(person(tenant, Role.OPERATOR_ADMIN, memberId));
        HttpResponse<Map> campaign = exchange(HttpRequest.POST("/api/v1/self-assessment/campaigns", Map.of(
                "title", "2026年度 自己評価", "referenceDate", LocalDate.now().toString(),
                "deadline", LocalDate.now().plusDays(14).toString())), secretariat, Map.class);
        campaignId = ((Number) campaign.body().get("id")).longValue();
        String answers = "/api/v1/members/" + memberId + "/self-assessment/answers";
        String etag = exchange(HttpRequest.GET(answers), operator, Map.class).getHeaders().get("ETag");
        exchange(HttpRequest.PATCH(answers, Map.of("answers", List.of(Map.of("questionId", "q.risk.risk-assessment-adhoc-trigger",
                "otherText", "特になし")))).header("If-Match", etag), operator, Map.class);
        exchange(HttpRequest.POST("/api/v1/members/" + memberId + "/self-assessment/campaigns/" + campaignId
                + "/submission", Map.of()), operator, Map.class);
    }

    @Test
    void secretariatAtADesk() throws Exception {
        Page page = desktop();
        signIn(page, tenant.code(), admin.username(), PASSWORD, PASSWORD, null);
        onPage(page, "記録の鮮度");
        assertThat(page.locator("figure.chart-figure svg")).isVisible();
        assertThat(page.locator("#main")).containsText("東都電力株式会社");
        accessible(page);
        screenshot(page, "secretariat-freshness");

        menu(page, "事業者");
        onPage(page, "事業者");
        page.getByLabel("名称・フリガナ").fill("トウト");
        button(page, "検索").click();
        assertThat(link(page, "東都電力株式会社").first()).isVisible();
        accessible(page);
        screenshot(page, "secretariat-members");

        String invited = inviteAnOperatorWhoThenSignsIn(page);
        assertThat(invited).isNotBlank();
        importWithOneBadRow(page);
        returnASubmission(page);

        menu(page, "記録の編集権限");
        onPage(page, "記録の編集権限");
        accessible(page);

        menu(page, "監査ログ");
        onPage(page, "監査ログ");
        button(page, "チェーンを検証").click();
        assertThat(page.locator("#audit-verdict")).containsText("ハッシュチェーンは正常です");
        accessible(page);
        screenshot(page, "secretariat-audit");

        // English, remembered across a reload (which signs in again silently).
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("English に切り替え")).click();
        onPage(page, "Audit log");
        page.reload();
        onPage(page, "Audit log");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        accessible(page);
    }

    private String inviteAnOperatorWhoThenSignsIn(Page page) throws Exception {
        menu(page, "ユーザー");
        onPage(page, "ユーザー");
        link(page, "ユーザーを招待").click();
        onPage(page, "ユーザーを招待");
        String username = unique("invited-");
        page.getByLabel("ユーザー名 (必須)").fill(username);
        page.getByLabel("電子メール (必須)").fill(username + "@example.jp");
        page.getByLabel("表示名").fill("招待 次郎");
        page.getByLabel("ロール (必須)").selectOption("operator-staff");
        page.getByLabel("所属する事業者").selectOption(String.valueOf(memberId));
        accessible(page);
        button(page, "ユーザーを招待").click();
        Locator secret = page.locator(".secret");
        assertThat(secret).containsText("一時パスワード");
        screenshot(page, "secretariat-invite");
        Matcher m = Pattern.compile("一時パスワード: (\\S+) —").matcher(secret.textContent());
        assertThat(m.find()).isTrue();

        Page invitedPage = desktop();
        signIn(invitedPage, tenant.code(), username, m.group(1), "Invited-Operator-2026!", null);
        onPage(invitedPage, "ダッシュボード");
        assertThat(invitedPage.locator(".who")).containsText("招待 次郎");

        // The invited person lost their phone: the admin resets their second factor, which ends their session.
        link(page, username).click();
        onPage(page, "招待 次郎");
        button(page, "二要素認証をリセット").click();
        page.locator("dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("二要素認証をリセット")).click();
        assertThat(page.locator(".flash")).containsText("二要素認証をリセットしました");
        accessible(page);
        return username;
    }

    private void importWithOneBadRow(Page page) {
        menu(page, "一括登録");
        onPage(page, "一括登録");
        String bad = corporateNumber();
        bad = ((bad.charAt(0) - '0' + 1) % 10) + bad.substring(1);
        String csv = "nameJa,nameKana,corporateNumber,sectorCode,membershipKind\n"
                + "北都ガス株式会社,ホクトガスカブシキガイシャ," + corporateNumber() + ",GAS,MEMBER\n"
                + "南都ガス株式会社,ナントガスカブシキガイシャ," + bad + ",GAS,MEMBER\n"
                + "西都ガス株式会社,サイトガスカブシキガイシャ," + corporateNumber() + ",GAS,MEMBER\n";
        page.locator("#import-file").setInputFiles(new FilePayload("members.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        button(page, "内容を検査").click();
        assertThat(page.locator("#import-result .notice.error")).containsText("誤りがあります");
        assertThat(page.locator("tr[data-row='3']")).hasClass(Pattern.compile("has-error"));
        assertThat(page.locator("tr[data-row='3'] .row-errors")).containsText("corporateNumber");
        assertThat(page.locator("tr[data-row='2']")).not().hasClass(Pattern.compile("has-error"));
        assertThat(page.locator("tr[data-row='4']")).not().hasClass(Pattern.compile("has-error"));
        accessible(page);
        screenshot(page, "secretariat-import-errors");
    }

    private void returnASubmission(Page page) {
        menu(page, "自己評価の依頼");
        onPage(page, "自己評価の依頼");
        link(page, "2026年度 自己評価").first().click();
        onPage(page, "2026年度 自己評価");
        accessible(page);
        screenshot(page, "secretariat-campaign");
        page.navigate(consoleUrl() + "/#/campaigns/" + campaignId + "/members/" + memberId);
        onPage(page, "東都電力株式会社 の提出");
        button(page, "差し戻す").click();
        page.locator("dialog textarea").fill("設問の回答を見直してください");
        page.locator("dialog").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("差し戻す")).click();
        assertThat(page.locator("#main .facts")).containsText("差し戻し");
        assertThat(page.locator("#main")).containsText("設問の回答を見直してください");
        String secretariat = token(person(tenant, Role.SECRETARIAT_STAFF));
        assertThat(get("/api/v1/members/" + memberId + "/self-assessment/campaigns/" + campaignId + "/submission",
                secretariat).get("status")).isEqualTo("RETURNED");
    }
}
