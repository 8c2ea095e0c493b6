package jp.ceptoarhub.devstack;

import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Alerts written through the API as their senders and readers would (shared by the demo and the inbox benchmark):
 * drafts of the 情報提供様式 with realistic content, sends, pass-ons (展開), signed-in reads and acknowledgements.
 */
public final class SampleAlerts {
    private final HttpClient http;
    private final String base;
    private final JsonMapper json = JsonMapper.createDefault();

    public SampleAlerts(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** What a send answered: the alert's id, thread and number. */
    public record Sent(long id, long threadId, String number) {
    }

    /** One of a few realistic provisions, by index (the benchmark cycles through them). */
    public static String body(int i, String tlp, String audienceJson, Long followUpOf) {
        String[][] topics = {
                {"WARNING", "制御システムの遠隔監視装置を狙う不正アクセスについて",
                        "遠隔監視装置の既知の脆弱性を悪用した不正アクセスが複数の事業者で確認されています。",
                        "インターネットから到達可能な遠隔監視装置を利用している事業者",
                        "・装置のファームウェアを最新版に更新する\n・管理画面へのアクセス元を制限する\n・不審な接続の有無をログで確認する"},
                {"ADVISORY", "停電情報を装うフィッシングメールについて",
                        "停電や料金に関する通知を装い、認証情報を窃取するフィッシングメールが送信されています。",
                        "全ての事業者（特にお客さま対応部門）",
                        "・社内への注意喚起を行う\n・メールに記載されたURLにアクセスしない\n・受信した場合は事務局に連絡する"},
                {"INFORMATION", "VPN装置の脆弱性に関する公開情報の要約",
                        "複数のVPN装置について、認証回避の脆弱性が公表されています。",
                        "該当製品を利用している事業者",
                        "・製品ベンダーの公表情報を確認する\n・修正版を適用する"}};
        String[] t = topics[i % topics.length];
        String follow = followUpOf == null ? "" : ",\"followUpOf\":" + followUpOf;
        String audience = audienceJson == null ? "" : ",\"audience\":" + audienceJson;
        return """
                {"importance":"%s","tlp":"%s","title":"%s","outline":"%s","targets":"%s","handling":"%s",
                 "otherInfo":"続報があれば追って情報提供します。","annex":false%s%s}
                """.formatted(t[0], tlp, t[1], t[2], t[3], t[4].replace("\n", "\\n"), audience, follow);
    }

    public Sent send(String token, String draftJson) throws Exception {
        Map<?, ?> draft = json(call("POST", base + "/api/v1/alerts", token, draftJson, 201));
        long id = ((Number) draft.get("id")).longValue();
        Map<?, ?> delivery = json(call("POST", base + "/api/v1/alerts/" + id + "/send", token, null, 200));
        Map<?, ?> alert = (Map<?, ?>) delivery.get("alert");
        return new Sent(id, ((Number) alert.get("threadId")).longValue(), (String) alert.get("number"));
    }

    public void passOn(String token, long alertId, String audienceJson) throws Exception {
        call("POST", base + "/api/v1/alerts/" + alertId + "/pass-ons", token, "{\"audience\":" + audienceJson + "}", 201);
    }

    /** A signed-in read (records "opened"). */
    public void open(String token, long alertId) throws Exception {
        call("GET", base + "/api/v1/alerts/" + alertId, token, null, 200);
    }

    public void acknowledge(String token, long alertId) throws Exception {
        call("POST", base + "/api/v1/alerts/" + alertId + "/acknowledgement", token, null, 200);
    }

    private Map<?, ?> json(String body) throws Exception {
        return json.readValue(body, Map.class);
    }

    private String call(String method, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
