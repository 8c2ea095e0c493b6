package jp.ceptoarhub.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a person in the way the web console and the phone app do: Authorization Code + PKCE (S256) against the real
 * Keycloak login pages, completing required actions on the way (update password, configure TOTP — the TOTP codes
 * are computed from the secret on the page, as an authenticator app would).
 */
public final class KeycloakLogin {
    public static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOTP_SECRET = Pattern.compile("name=\"totpSecret\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"totpSecret\"");

    private static final Map<String, Long> LAST_COUNTER = new java.util.HashMap<>();
    /** Authenticator-app secrets enrolled during logins of this JVM, by realm/username: the person's phone. */
    private static final Map<String, String> AUTHENTICATORS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String keycloakUrl;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** The outcome: access and refresh token, plus the TOTP secret if one was configured during this login. */
    public record Result(String accessToken, String totpSecret, String newPassword, String refreshToken) {
    }

    public KeycloakLogin(String keycloakUrl) {
        this(keycloakUrl, REDIRECT_URI);
    }

    /** With the redirect URI the realm accepts (the demo's console runs on whatever port it was given). */
    public KeycloakLogin(String keycloakUrl, String redirectUri) {
        this.keycloakUrl = keycloakUrl;
        this.redirectUri = redirectUri;
    }

    public Result login(String realm, String clientId, String username, String password, String newPassword,
                        String totpSecret) throws Exception {
        return login(realm, clientId, username, password, newPassword, totpSecret, true);
    }

    /**
     * Signs in with the password only: throws {@link SecondFactorDemandedException} if Keycloak asks for a second
     * factor (the OTP form, or the authenticator set-up page) instead of issuing a code.
     */
    public Result loginWithPasswordOnly(String realm, String username, String password) throws Exception {
        return login(realm, "ceptoar-web", username, password, password, null, false);
    }

    /** Forgets the person's authenticator (their phone was lost); the next login enrols a new one if asked. */
    public static void forgetAuthenticator(String realm, String username) {
        AUTHENTICATORS.remove(realm + "/" + username);
    }

    private Result login(String realm, String clientId, String username, String password, String newPassword,
                         String totpSecret, boolean secondFactor) throws Exception {
        if (totpSecret == null) {
            totpSecret = AUTHENTICATORS.get(realm + "/" + username);
        }
        String verifier = randomUrlSafe(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = randomUrlSafe(16);
        String auth = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + enc(clientId)
                + "&response_type=code&scope=openid&redirect_uri=" + enc(redirectUri) + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<String> page = get(auth);
        String configuredTotp = null;
        for (int step = 0; step < 8; step++) {
            if (page.statusCode() == 302 || page.statusCode() == 303) {
                String location = page.headers().firstValue("Location").orElseThrow();
                if (location.startsWith(redirectUri)) {
                    String code = query(location, "code");
                    if (code == null) {
                        throw new IllegalStateException("Login failed: " + location);
                    }
                    String tokens = exchange(realm, clientId, code, verifier);
                    return new Result(jsonField(tokens, "access_token"),
                            configuredTotp != null ? configuredTotp : totpSecret, newPassword,
                            jsonField(tokens, "refresh_token"));
                }
                page = get(location.startsWith("http") ? location : keycloakUrl + location);
                continue;
            }
            String html = page.body();
            String action = formAction(html);
            Map<String, String> form = new LinkedHashMap<>();
            if (html.contains("name=\"password-new\"")) {
                form.put("password-new", newPassword);
                form.put("password-confirm", newPassword);
            } else if (html.contains("name=\"totpSecret\"")) {
                if (!secondFactor) {
                    throw new SecondFactorDemandedException(username, "authenticator set-up");
                }
                Matcher m = TOTP_SECRET.matcher(html);
                if (!m.find()) {
                    throw new IllegalStateException("TOTP page without secret");
                }
                configuredTotp = unescape(m.group(1) != null ? m.group(1) : m.group(2));
                AUTHENTICATORS.put(realm + "/" + username, configuredTotp);
                form.put("totpSecret", configuredTotp);
                form.put("totp", totp(configuredTotp));
                form.put("userLabel", "test authenticator");
            } else if (html.contains("name=\"otp\"")) {
                if (!secondFactor) {
                    throw new SecondFactorDemandedException(username, "one-time code");
                }
                String secret = configuredTotp != null ? configuredTotp : totpSecret;
                if (secret == null) {
                    throw new IllegalStateException("OTP asked but no TOTP secret known for " + username);
                }
                form.put("otp", totp(secret));
            } else if (html.contains("name=\"username\"") || html.contains("name=\"password\"")) {
                if (step > 0 && html.contains("name=\"username\"")) {
                    throw new InvalidCredentialsException(username);
                }
                form.put("username", username);
                form.put("password", password);
                form.put("credentialId", "");
            } else {
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "unexpected-keycloak-page.html"), html);
                throw new IllegalStateException("Unexpected Keycloak page (HTTP " + page.statusCode() + "): "
                        + html.substring(0, Math.min(html.length(), 600)));
            }
            page = post(action, form);
        }
        throw new IllegalStateException("Login did not finish");
    }

    /** Registers a public PKCE client that is not one of the product's (for tests of the client check). */
    public static org.keycloak.representations.idm.ClientRepresentation foreignClient(String clientId) {
        var c = new org.keycloak.representations.idm.ClientRepresentation();
        c.setClientId(clientId);
        c.setPublicClient(true);
        c.setStandardFlowEnabled(true);
        c.setRedirectUris(java.util.List.of(REDIRECT_URI));
        c.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        return c;
    }

    public Result login(String realm, String username, String password) throws Exception {
        return login(realm, "ceptoar-web", username, password, password, null);
    }

    public static String clientCredentials(String keycloakUrl, String realm, String clientId, String secret) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("client credentials failed: " + r.statusCode() + " " + r.body());
        }
        return jsonField(r.body(), "access_token");
    }

    private String exchange(String realm, String clientId, String code, String verifier) throws Exception {
        String body = "grant_type=authorization_code&client_id=" + enc(clientId) + "&code=" + enc(code)
                + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + enc(verifier);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("code exchange failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** A call to one of Keycloak's own APIs (the account API) with a bearer token, as an attacker holding it would. */
    public static HttpResponse<String> call(String method, String url, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The resource-owner password grant (which the realm template disables); status and body as Keycloak answered. */
    public static HttpResponse<String> passwordGrant(String keycloakUrl, String realm, String clientId, String username,
                                                     String password) throws Exception {
        String body = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password="
                + enc(password);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The refresh grant of a public client; the HTTP status and body as Keycloak answered. */
    public static HttpResponse<String> refresh(String keycloakUrl, String realm, String clientId, String refreshToken)
            throws Exception {
        String body = "grant_type=refresh_token&client_id=" + enc(clientId) + "&refresh_token=" + enc(refreshToken);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String jsonField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        addCookies(b);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        storeCookies(r);
        return r;
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        addCookies(b);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        storeCookies(r);
        return r;
    }

    private void addCookies(HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            cookies.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", sb.toString());
        }
    }

    private void storeCookies(HttpResponse<?> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty()) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
        }
    }

    private static String formAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No form on Keycloak page: " + html.substring(0, Math.min(600, html.length())));
        }
        return unescape(m.group(1));
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }

    private static String query(String url, String name) {
        String q = URI.create(url).getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** RFC 6238 TOTP (HmacSHA1, 6 digits, 30 s) over the secret's bytes, as Keycloak's OTP policy defines it. */
    public static String totp(String secret) throws Exception {
        long counter = System.currentTimeMillis() / 1000 / 30;
        synchronized (LAST_COUNTER) {
            // Keycloak refuses a code that was already used: wait for the next time step, as a person would.
            Long last = LAST_COUNTER.get(secret);
            while (last != null && counter <= last) {
                Thread.sleep(1000);
                counter = System.currentTimeMillis() / 1000 / 30;
            }
            LAST_COUNTER.put(secret, counter);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0xf;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    public static final class SecondFactorDemandedException extends IllegalStateException {
        SecondFactorDemandedException(String username, String what) {
            super("Keycloak asked " + username + " for a second factor (" + what + ")");
        }
    }

    public static final class InvalidCredentialsException extends IllegalStateException {
        InvalidCredentialsException(String username) {
            super("Keycloak refused the credentials of " + username);
        }
    }
}
