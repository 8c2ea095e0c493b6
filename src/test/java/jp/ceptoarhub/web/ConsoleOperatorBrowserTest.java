package jp.ceptoarhub.web;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator keeps the member's records current in the browser: dashboard, editing a contact and resolving a 412
 * conflict, a half-filled form that survives a reload (silent re-sign-in), confirming a record type unchanged,
 * answering and submitting the self-assessment, exporting; once on a desktop and once on a phone-sized screen.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ConsoleOperatorBrowserTest extends ConsoleTestSupport {
    @jakarta.inject.Inject
    jp.ceptoarhub.identity.KeycloakAdmin keycloak;
    private Tenant tenant;
    private String secretariat;

    @BeforeAll
    void setUp() {
        tenant = tenantA();
        secretariat = token(person(tenant, Role.SECRETARIAT_ADMIN));
        Map<String, Object> campaign = Map.of("title", "2026年度 自己評価", "referenceDate", LocalDate.now().toString(),
                "deadline", LocalDate.now().plusDays(30).toString());
        exchange(HttpRequest.POST("/api/v1/self-assessment/campaigns", campaign), secretariat, Map.class);
    }

    private record Operator(TestUser user, long memberId, long contactId) {
    }

    private Operator operator() {
        long memberId = createMember(secretariat);
        TestUser user = person(tenant, Role.OPERATOR_ADMIN, memberId);
        Map<String, Object> contact = new java.util.HashMap<>(Map.of("nameJa", "山田 太郎", "nameKana", "ヤマダ タロウ",
                "role", "CISO", "department", "情報システム部", "availability", "H24", "notes", "夜間は携帯へ連絡",
                "functions", List.of(Map.of("function", "POC", "order", "PRIMARY")),
                "channels", List.of(Map.of("type", "EMAIL", "value", "yamada@example.jp"))));
        HttpResponse<Map> created = exchange(HttpRequest.POST("/api/v1/members/" + memberId + "/contacts", contact),
                token(user), Map.class);
        return new Operator(user, memberId, ((Number) created.body().get("id")).longValue());
    }

    @Test
    void operatorOnADesktop() throws Exception {
        Operator op = operator();
        Page page = desktop();
        signIn(page, op.user());
        onPage(page, "ダッシュボード");
        assertThat(page.locator("#main")).containsText("対応が必要な記録");
        accessible(page);
        screenshot(page, "operator-dashboard");

        menu(page, "記録");
        onPage(page, "東都電力株式会社 の記録");
        accessible(page);
        screenshot(page, "operator-records");

        editContactResolvingAConflict(page, op, true);
        halfFilledFormSurvivesAReload(page, op);
        halfFilledFormSurvivesAnExpiredSession(page, op);

        // Confirm a record type unchanged (an empty list has nothing to confirm: no button).
        page.navigate(consoleUrl() + "/#/m/" + op.memberId() + "/suppliers");
        onPage(page, "サプライチェーン");
        assertThat(button(page, "変更なしとして確認")).hasCount(0);
        page.navigate(consoleUrl() + "/#/m/" + op.memberId() + "/contacts");
        onPage(page, "連絡先（コールツリー）");
        button(page, "変更なしとして確認").click();
        assertThat(page.locator(".flash")).containsText("「連絡先（コールツリー）」を変更なしとして確認しました");
        assertThat((List<Map>) get("/api/v1/members/" + op.memberId() + "/freshness", token(op.user())).get("records"))
                .filteredOn(r -> r.get("recordType").equals("contacts"))
                .singleElement().satisfies(r -> assertThat(r.get("lastConfirmedAt")).isNotNull());

        answerAndSubmitTheSelfAssessment(page, op, true);
        planAnswersArePrefilled(page, op);
        everyRecordTypeHasItsListAndForm(page, op);

        menu(page, "エクスポート");
        onPage(page, "エクスポート");
        Download download = page.waitForDownload(() -> button(page, "Excel（.xlsx）でダウンロード").click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        accessible(page);
    }

    @Test
    void operatorOnAPhone() throws Exception {
        Operator op = operator();
        Page page = phone();
        signIn(page, op.user());
        onPage(page, "ダッシュボード");
        accessible(page);
        screenshot(page, "phone-operator-dashboard");
        menu(page, "記録");
        onPage(page, "東都電力株式会社 の記録");
        editContactResolvingAConflict(page, op, false);
        answerAndSubmitTheSelfAssessment(page, op, false);
        tokensAreRefreshedBeforeTheyExpire();
    }

    /**
     * With 20-second access tokens the console refreshes on its own and keeps working past the first token's life
     * (another tenant, so that no other test's tokens are short-lived).
     */
    private void tokensAreRefreshedBeforeTheyExpire() throws Exception {
        Tenant other = tenantB();
        long member = createMember(token(person(other, Role.SECRETARIAT_ADMIN)));
        TestUser operator = person(other, Role.OPERATOR_STAFF, member);
        var realm = keycloak.client().realm(other.realmName());
        var web = realm.clients().findByClientId("ceptoar-web").getFirst();
        Map<String, String> attributes = new java.util.HashMap<>(web.getAttributes());
        attributes.put("access.token.lifespan", "20");
        web.setAttributes(attributes);
        realm.clients().get(web.getId()).update(web);

        Page page = phone();
        tokenGrants.clear();
        signIn(page, operator);
        onPage(page, "ダッシュボード");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!tokenGrants.contains("refresh_token") && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1000);
        }
        assertThat(tokenGrants).contains("authorization_code", "refresh_token");
        page.waitForTimeout(8000); // past the first token's 20 s
        menu(page, "記録");
        onPage(page, "東都電力株式会社 の記録");
    }

    private void editContactResolvingAConflict(Page page, Operator op, boolean desktop) {
        link(page, "連絡先（コールツリー）").click();
        onPage(page, "連絡先（コールツリー）");
        link(page, "山田 太郎").click();
        onPage(page, "山田 太郎");
        button(page, "編集").click();
        onPage(page, "山田 太郎 を編集");
        page.getByLabel("部署").fill("危機管理室");
        accessible(page);
        screenshot(page, desktop ? "operator-contact-edit" : "phone-operator-contact-edit");

        // Meanwhile someone else changes the same contact through the API.
        String path = "/api/v1/members/" + op.memberId() + "/contacts/" + op.contactId();
        String etag = exchange(HttpRequest.GET(path), token(op.user()), Map.class).getHeaders().get("ETag");
        exchange(HttpRequest.PATCH(path, Map.of("notes", "他の担当者が更新")).header("If-Match", etag), token(op.user()), Map.class);

        button(page, "保存").click();
        Locator dialog = page.locator("dialog");
        assertThat(dialog).containsText("他の人が先にこの記録を更新しました");
        assertThat(dialog).containsText("危機管理室");
        assertThat(dialog).containsText("他の担当者が更新");
        accessible(page);
        if (desktop) {
            screenshot(page, "operator-conflict");
        }
        assertThat(dialog.locator("tbody tr")).hasCount(2);
        dialog.getByText("自分の変更を保存（他の人の変更も残す）").click();
        onPage(page, "山田 太郎");
        assertThat(page.locator("#main")).containsText("保存しました");
        assertThat(page.locator("#main")).containsText("危機管理室");
        Map stored = get(path, token(op.user()));
        assertThat(stored.get("department")).isEqualTo("危機管理室");
        assertThat(stored.get("notes")).as("the other person's change stays").isEqualTo("他の担当者が更新");
    }

    private void halfFilledFormSurvivesAReload(Page page, Operator op) {
        page.navigate(consoleUrl() + "/#/m/" + op.memberId() + "/contacts/new");
        onPage(page, "連絡先を追加");
        page.getByLabel("氏名 (必須)", new Page.GetByLabelOptions().setExact(true)).fill("佐藤 花子");
        page.getByLabel("フリガナ (必須)").fill("サトウ ハナコ");
        // The tokens live in memory only: a reload signs in again silently through the Keycloak session.
        page.reload();
        onPage(page, "連絡先を追加");
        assertThat(page.locator("#main")).containsText("保存されていない入力内容を復元しました");
        assertThat(page.getByLabel("氏名 (必須)", new Page.GetByLabelOptions().setExact(true))).hasValue("佐藤 花子");
        page.getByLabel("組織上の役割").selectOption("PUBLIC_RELATIONS");
        button(page, "追加: 連絡手段").click();
        page.getByLabel("種別").selectOption("PHONE");
        page.getByLabel("アドレス・番号").fill("03-1234-5678");
        page.getByLabel("対応時間 (必須)", new Page.GetByLabelOptions().setExact(true)).selectOption("BUSINESS_HOURS");
        button(page, "保存").click();
        // The API's own rule, shown at its field: business hours need the hours.
        assertThat(page.locator("[data-field=availabilityHours] .field-error")).containsText("BUSINESS_HOURS");
        assertThat(page.locator("[data-path=availabilityHours]")).hasAttribute("aria-invalid", "true");
        page.getByLabel("対応時間帯（業務時間内の場合）").fill("平日 9:00-17:45");
        button(page, "保存").click();
        onPage(page, "佐藤 花子");
        assertThat(page.locator("#main")).containsText("業務時間内");
    }

    /** Each record type's list and its (empty) form render with their option lists, accessibly. */
    private void everyRecordTypeHasItsListAndForm(Page page, Operator op) {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        types.put("suppliers", "サプライチェーン");
        types.put("cloud-services", "クラウドサービス");
        types.put("critical-services", "重要サービス");
        types.put("systems", "システム");
        types.put("continuity-plans", "事業継続計画等");
        types.forEach((type, title) -> {
            page.navigate(consoleUrl() + "/#/m/" + op.memberId() + "/" + type);
            onPage(page, title);
            page.locator("#main .page-head a.button.primary").click();
            assertThat(page.locator("#main h1")).containsText("を追加");
            assertThat(page.locator("form.form select").first().locator("option")).not().hasCount(1);
            accessible(page);
        });
        // Every plan type has the same statuses of its own; the survey's 設問27/28 options are not plan statuses.
        for (String type : List.of("CONTINGENCY_PLAN", "RECOVERY_PLAN")) {
            page.getByLabel("計画の種類 (必須)").selectOption(type);
            assertThat(page.getByLabel("策定状況 (必須)").locator("option[value=NOT_DRAFTED]")).hasText("策定していない");
            assertThat(page.getByLabel("策定状況 (必須)").locator("option[value=bcp-only]")).hasCount(0);
        }
    }

    /** 設問27 and 設問28 come prefilled from the plans; saving the section makes them the member's answers. */
    private void planAnswersArePrefilled(Page page, Operator op) {
        String plans = "/api/v1/members/" + op.memberId() + "/continuity-plans";
        for (Map<String, String> plan : List.of(Map.of("planType", "CONTINGENCY_PLAN", "status", "DRAFTED",
                        "cyberScenariosCovered", "YES"), Map.of("planType", "BCP", "status", "DRAFTED"),
                Map.of("planType", "RECOVERY_PLAN", "status", "NOT_DRAFTED"))) {
            exchange(HttpRequest.POST(plans, plan), token(op.user()), Map.class);
        }
        page.navigate(consoleUrl() + "/#/assessment/" + op.memberId() + "?section=risk-management");
        onPage(page, "自己評価");
        Locator q28 = page.locator("fieldset[data-question='q.risk.business-continuity-plan']");
        assertThat(q28.locator("input[value=bcp-only]")).isChecked();
        assertThat(q28.locator(".prefill")).containsText("事業継続計画等の記録から選択しました（未保存）");
        assertThat(q28.locator(".prefill")).containsText("事業復旧計画 #");
        assertThat(page.locator("fieldset[data-question='q.risk.contingency-plan'] input[value=with-cyber]"))
                .isChecked();
        accessible(page);
        screenshot(page, "operator-self-assessment-prefill");
        assertThat(error(HttpRequest.GET("/api/v1/members/" + op.memberId()
                + "/self-assessment/answers/q.risk.business-continuity-plan").bearerAuth(token(op.user()))).code())
                .isEqualTo(404); // offered, not written
        button(page, "この区分の回答を保存").click();
        assertThat(page.locator("#main")).containsText("回答を保存しました");
        assertThat(get("/api/v1/members/" + op.memberId() + "/self-assessment/answers/q.risk.business-continuity-plan",
                token(op.user())).get("optionIds")).isEqualTo(List.of("bcp-only"));
        assertThat(page.locator("fieldset[data-question='q.risk.business-continuity-plan'] .prefill")).hasCount(0);
    }

    /**
     * Keycloak ends the session (an administrator signs the user out everywhere) while a form is half-filled; the
     * next save finds the access token refused, the refresh fails, the console asks to sign in again and the form
     * comes back as it was.
     */
    private void halfFilledFormSurvivesAnExpiredSession(Page page, Operator op) throws Exception {
        page.navigate(consoleUrl() + "/#/m/" + op.memberId() + "/contacts/" + op.contactId());
        onPage(page, "山田 太郎");
        button(page, "編集").click();
        page.getByLabel("部署").fill("本社 危機管理室");
        keycloak.client().realm(op.user().tenant().realmName()).users().get(op.user().subject()).logout();
        // The access token itself stays valid for minutes: answer this one save as if it had expired.
        page.route("**/api/v1/members/*/contacts/*", route -> {
            if (route.request().method().equals("PATCH")) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(401));
            } else {
                route.resume();
            }
        });
        button(page, "保存").click();
        Locator dialog = page.locator("dialog");
        assertThat(dialog).containsText("セッションの有効期限が切れました");
        page.unrouteAll();
        dialog.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("もう一度サインイン")).click();
        page.waitForURL(u -> !u.startsWith(consoleUrl()));
        page.fill("input[name=username]", op.user().username());
        page.fill("input[name=password]", PASSWORD);
        page.locator("form").first().locator("input[type=submit], button[type=submit]").first().click();
        onPage(page, "山田 太郎 を編集");
        assertThat(page.getByLabel("部署")).hasValue("本社 危機管理室");
        button(page, "保存").click();
        onPage(page, "山田 太郎");
        assertThat(page.locator("#main")).containsText("本社 危機管理室");
    }

    private void answerAndSubmitTheSelfAssessment(Page page, Operator op, boolean desktop) {
        menu(page, "自己評価");
        onPage(page, "自己評価");
        assertThat(page.locator("#campaign-h")).containsText("2026年度 自己評価");
        Locator first = page.locator("fieldset.question").first();
        Locator option = first.locator("input[data-role=option]");
        if (option.count() > 0) {
            option.first().check();
        } else {
            first.locator("textarea").first().fill("回答");
        }
        button(page, "この区分の回答を保存").click();
        assertThat(page.locator("#main")).containsText("回答を保存しました");
        accessible(page);
        screenshot(page, desktop ? "operator-self-assessment" : "phone-operator-self-assessment");
        button(page, "この回答で提出する").click();
        page.locator("dialog").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("この回答で提出する")).click();
        assertThat(page.locator("#main")).containsText("提出しました（第1回）");
        assertThat(page.locator("#campaign-h + dl")).containsText("提出済み");
    }
}
