package jp.ceptoarhub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console is served at / with its security headers; its sources never need an unsafe CSP exception. */
@MicronautTest(transactional = false)
class ConsoleServingTest extends IntegrationTest {
    private static final Path SOURCES = Path.of("src", "main", "resources", "console");

    @Test
    void shellAtRootWithAStrictPolicy() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(r.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
        String csp = r.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "base-uri 'none'", "object-src 'none'", "require-trusted-types-for 'script'",
                "connect-src 'self' " + keycloakUrl());
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(r.header("Permissions-Policy")).contains("camera=()", "geolocation=()");
        assertThat(r.header("Strict-Transport-Security")).as("only over https").isNull();
    }

    @Test
    void assetsAreServedAndRevalidated() {
        HttpResponse<String> js = http.toBlocking().exchange(HttpRequest.GET("/console/js/app.js"), String.class);
        assertThat(js.code()).isEqualTo(200);
        assertThat(js.getContentType().orElseThrow().getName()).isIn("application/javascript", "text/javascript");
        assertThat(js.header("Cache-Control")).isEqualTo("no-cache");
        HttpResponse<String> css = http.toBlocking().exchange(HttpRequest.GET("/console/console.css"), String.class);
        assertThat(css.getContentType().orElseThrow().getName()).isEqualTo("text/css");
        assertThat(error(HttpRequest.GET("/console/js/missing.js")).code()).isEqualTo(404);
    }

    @Test
    void apiResponsesForbidEverythingAndHttpsGetsHsts() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/api/v1/public/tenants")
                .header("X-Forwarded-Proto", "https"), String.class);
        assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void sourcesNeedNoInlineCodeNoEvalAndNoHtmlStrings() throws IOException {
        String shell = Files.readString(SOURCES.resolve("index.html"));
        assertThat(shell).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "style=", "onclick=", "onload=");
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            scripts = files.filter(f -> f.toString().endsWith(".js")).toList();
        }
        assertThat(scripts).hasSizeGreaterThan(10);
        for (Path script : scripts) {
            assertThat(Files.readString(script)).as(script.toString())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                            "setAttribute('style'", "localStorage.setItem('ceptoar.token");
        }
    }
}
