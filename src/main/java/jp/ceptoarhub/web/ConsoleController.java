package jp.ceptoarhub.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The console's page shell at {@code /}. Everything else it loads comes from {@code /console/**} (static resources);
 * pages are chosen by the URL fragment, so the shell is the only HTML document and the OIDC redirect URI is {@code /}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ConsoleController {
    private final byte[] shell;

    ConsoleController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:console/index.html")
                .orElseThrow(() -> new IllegalStateException("console/index.html missing from the classpath"))) {
            shell = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<byte[]> shell() {
        return HttpResponse.ok(shell).contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8");
    }
}
