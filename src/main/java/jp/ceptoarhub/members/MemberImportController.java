package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bulk import of members: the file as the raw request body ({@code text/csv} or the .xlsx media type) or as the
 * {@code file} part of a multipart form. {@code ?dryRun=true} validates without importing.
 */
@Controller("/api/v1/members/imports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberImportController {
    private final MemberImportService imports;
    private final Idempotency idempotency;

    MemberImportController(MemberImportService imports, Idempotency idempotency) {
        this.imports = imports;
        this.idempotency = idempotency;
    }

    @Post(consumes = {"text/csv", MemberImportService.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<?> importBody(CurrentUser user, HttpRequest<?> request,
                                                              @Body byte[] body,
                                                              @Nullable @QueryValue Boolean dryRun) {
        MemberService.requireSecretariat(user);
        String contentType = request.getHeaders().get("Content-Type");
        return idempotency.execute(user.tenantId(), user.subject(), request, body,
                () -> result(imports.importFile(user, body, contentType, null, Boolean.TRUE.equals(dryRun))));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> importMultipart(CurrentUser user, HttpRequest<?> request, @Part("file") CompletedFileUpload file,
                                                                   @Nullable @QueryValue Boolean dryRun) {
        MemberService.requireSecretariat(user);
        if (file.getSize() > MemberImportService.MAX_BYTES) {
            throw MemberImportService.tooLarge(file.getSize());
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(MemberImportService.MAX_BYTES + 1);
        } catch (IOException e) {
            throw Problems.invalidField("file", "could not be read");
        }
        String contentType = file.getContentType().map(MediaType::toString).orElse(null);
        byte[] bytes = content;
        return idempotency.execute(user.tenantId(), user.subject(), request, bytes, () -> result(
                imports.importFile(user, bytes, contentType, file.getFilename(), Boolean.TRUE.equals(dryRun))));
    }

    private static io.micronaut.http.MutableHttpResponse<?> result(MemberImportService.ImportResult r) {
        return r.dryRun() ? HttpResponse.ok(r) : HttpResponse.created(r);
    }
}
