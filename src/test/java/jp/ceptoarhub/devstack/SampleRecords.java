package jp.ceptoarhub.devstack;

import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member operator's readiness records of every type, written through the API as a user would (so the demo and the
 * sync benchmark exercise validation, history and audit): 8 contacts covering PoC / incident contact / BCP owner
 * with deputies and after-hours, 5 suppliers, 3 cloud services, 2 critical services from the sector's 別紙2
 * templates with 3 systems linked to them and to suppliers, 3 continuity plans, and the self-assessment answered.
 */
public final class SampleRecords {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private final HttpClient http;
    private final String base;
    private final JsonMapper json = JsonMapper.createDefault();
    private final Map<String, String> templateBySector = new HashMap<>();
    private String answers;
    private int answerCount;

    public SampleRecords(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Seeds the member (of the given sector) with the caller's token; returns the number of records written. */
    public int seed(long memberId, String sectorCode, String token) throws Exception {
        String member = base + "/api/v1/members/" + memberId + "/";
        int n = 0;
        for (int c = 0; c < 8; c++) {
            send("POST", member + "contacts", token, contact(c), 201);
            n++;
        }
        List<Long> suppliers = new ArrayList<>();
        String[] supplierNames = {"東都システム株式会社", "西都データセンター株式会社", "北都ネットワークス株式会社",
                "南都セキュリティサービス株式会社", "中央保守サービス株式会社"};
        for (int i = 0; i < supplierNames.length; i++) {
            suppliers.add(id(send("POST", member + "suppliers", token, """
                    {"nameJa":"%s","supplierTypes":["%s"],"servicesSupplied":["基幹システムの運用・保守"],
                     "criticalSystems":["基幹系システム"],"criticality":"%s",
                     "contractSecurity":{"clauses":["INCIDENT_NOTIFICATION","SECURITY_REQUIREMENTS"],"reviewedOn":"2025-04-01"},
                     "incidentContact":{"name":"保守窓口","phone":"03-1234-567%d","email":"soc%d@example.jp","afterHours":true},
                     "country":"JP","resubcontracting":"WITH_APPROVAL"}
                    """.formatted(supplierNames[i], i % 2 == 0 ? "SYSTEM_VENDOR" : "OUTSOURCING_CONTRACTOR",
                    i < 2 ? "HIGH" : "MEDIUM", i, i), 201)));
            n++;
        }
        String[] clouds = {"業務SaaS", "バックアップストレージ", "Web会議"};
        for (int i = 0; i < clouds.length; i++) {
            send("POST", member + "cloud-services", token, """
                    {"providerName":"東都クラウド株式会社","serviceName":"%s","serviceModels":["SAAS"],
                     "deploymentModel":"PUBLIC","importance":"%s","dataCarried":"業務データ（個人データを含む）",
                     "providerCountry":"JP","dataCountries":["JP"],"certifications":[{"code":"ISMAP","verifiedOn":"2025-04-01"}],
                     "checks":[{"code":"SLA","status":"DONE","evidenceDate":"2025-04-01"}],
                     "measures":[{"code":"BACKUP","status":"DONE"}],
                     "incidentContacts":[{"kind":"PROVIDER","name":"東都クラウド サポート","contact":"0120-000-000"}]}
                    """.formatted(clouds[i], i == 0 ? "HIGH" : "MEDIUM"), 201);
            n++;
        }
        String template = template(sectorCode, token);
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            services.add(id(send("POST", member + "critical-services", token, """
                    {"templateId":%s,"name":"%s","rtoMinutes":%d,"rpoMinutes":%d,"ownerName":"山田 太郎"}
                    """.formatted(template == null ? "null" : "\"" + template + "\"", i == 0 ? "主要サービス" : "窓口サービス",
                    i == 0 ? 120 : 480, i == 0 ? 15 : 60), 201)));
            n++;
        }
        String[][] systems = {{"基幹系システム", "IT"}, {"監視制御システム", "OT"}, {"遠隔監視センサー", "IOT"}};
        for (int i = 0; i < systems.length; i++) {
            send("POST", member + "systems", token, """
                    {"name":"%s","kind":"%s","criticality":"HIGH","hosting":"HYBRID","serviceIds":[%d],"supplierIds":[%d]}
                    """.formatted(systems[i][0], systems[i][1], services.get(i % 2), suppliers.get(i)), 201);
            n++;
        }
        for (String plan : List.of(
                "{\"planType\":\"CONTINGENCY_PLAN\",\"status\":\"DRAFTED\",\"cyberScenariosCovered\":\"YES\","
                        + "\"lastReviewedOn\":\"2025-04-01\"}",
                "{\"planType\":\"BCP\",\"status\":\"DRAFTED\",\"cyberScenariosCovered\":\"PARTIAL\"}",
                "{\"planType\":\"RECOVERY_PLAN\",\"status\":\"IN_PREPARATION\",\"ownerName\":\"佐藤 花子\"}")) {
            send("POST", member + "continuity-plans", token, plan, 201);
            n++;
        }
        loadAnswers(token);
        send("PATCH", member + "self-assessment/answers", token, answers, 200);
        return n + answerCount;
    }

    private static String contact(int i) {
        String[][] functions = {{"POC", "PRIMARY"}, {"POC", "DEPUTY"}, {"INCIDENT_CONTACT", "PRIMARY"},
                {"INCIDENT_CONTACT", "DEPUTY"}, {"INCIDENT_CONTACT", "AFTER_HOURS"}, {"BCP_OWNER", "PRIMARY"},
                {"BCP_OWNER", "DEPUTY"}, {"POC", "AFTER_HOURS"}};
        return """
                {"nameJa":"連絡 太郎%d","nameKana":"レンラク タロウ","role":"SYSTEM_STAFF","department":"情報システム部",
                 "functions":[{"function":"%s","order":"%s"}],
                 "channels":[{"type":"EMAIL","value":"contact%d@example.jp","verifiedAt":"2025-04-01"},{"type":"MOBILE","value":"090-1234-56%02d"}],
                 "availability":"H24","notes":"夜間は携帯へ連絡"}
                """.formatted(i, functions[i][0], functions[i][1], i, i);
    }

    /** The first 別紙2 template of the sector, or null (a member-specific service) when the sector has none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String template(String sectorCode, String token) throws Exception {
        if (!templateBySector.containsKey(sectorCode)) {
            Map body = json.readValue(send("GET", base + "/api/v1/reference/critical-service-templates?sectorCode="
                    + sectorCode, token, null, 200), Map.class);
            List<Map> items = (List<Map>) body.get("items");
            templateBySector.put(sectorCode, items == null || items.isEmpty() ? null : (String) items.get(0).get("id"));
        }
        return templateBySector.get(sectorCode);
    }

    /** A batch answering every question that counts for completeness, built from the catalogue endpoint. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loadAnswers(String token) throws Exception {
        if (answers != null) {
            return;
        }
        Map catalogue = json.readValue(send("GET", base + "/api/v1/self-assessment/catalogue", token, null, 200),
                Map.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            if (!Boolean.TRUE.equals(q.get("requiredForCompleteness"))) {
                continue;
            }
            Map option = ((List<Map>) q.get("options")).stream().filter(o -> Boolean.TRUE.equals(o.get("selectable")))
                    .findFirst().orElseThrow();
            Map<String, Object> item = new HashMap<>();
            item.put("questionId", q.get("id"));
            item.put("optionIds", List.of(option.get("id")));
            if (Boolean.TRUE.equals(option.get("requiresText"))) {
                item.put("otherText", "自由記述");
            }
            items.add(item);
        }
        answers = new String(json.writeValueAsBytes(Map.of("answers", items)), StandardCharsets.UTF_8);
        answerCount = items.size();
    }

    private String send(String method, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static long id(String createdBody) {
        Matcher m = ID.matcher(createdBody);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + createdBody);
        }
        return Long.parseLong(m.group(1));
    }
}
