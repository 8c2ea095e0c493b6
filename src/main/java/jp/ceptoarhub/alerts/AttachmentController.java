package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;

/**
 * 別紙 of an alert: upload to a draft (the raw file with its Content-Type and {@code ?filename=}, or the {@code file}
 * part of a multipart form, as member imports take files), removal from a draft, and download by anyone who may
 * read the alert — checked under the same predicate, then streamed chunk by chunk. An attachment id outside the
 * reader's alerts is a 404, whatever the id.
 */
@Controller("/api/v1/alerts/{id:[0-9]+}/attachments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentController {
    private static final String OFFICE = "application/vnd.openxmlformats-officedocument.";

    private final AlertService alerts;
    private final AlertReads reads;
    private final Attachments attachments;
    private final Viewers viewers;
    private final Idempotency idempotency;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Scheduler blocking;

    AttachmentController(AlertService alerts, AlertReads reads, Attachments attachments, Viewers viewers,
                         Idempotency idempotency, AuditService audit, TransactionOperations<Connection> tx,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.alerts = alerts;
        this.reads = reads;
        this.attachments = attachments;
        this.viewers = viewers;
        this.idempotency = idempotency;
        this.audit = audit;
        this.tx = tx;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Post(consumes = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
            OFFICE + "spreadsheetml.sheet", OFFICE + "wordprocessingml.document",
            OFFICE + "presentationml.presentation", MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<?> upload(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                           @Nullable @QueryValue String filename, @Body byte[] body) {
        return store(user, request, id, request.getHeaders().get(HttpHeaders.CONTENT_TYPE), filename, body);
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadMultipart(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                    @Part("file") CompletedFileUpload file) {
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw Attachments.tooLarge(file.getSize());
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(Attachments.MAX_BYTES + 1);
        } catch (IOException e) {
            throw Problems.invalidField("file", "could not be read");
        }
        return store(user, request, id, file.getContentType().map(MediaType::toString).orElse(null),
                file.getFilename(), content);
    }

    private HttpResponse<?> store(CurrentUser user, HttpRequest<?> request, long id, @Nullable String contentType,
                                  @Nullable String filename, byte[] content) {
        Viewer v = viewers.of(user);
        AlertService.requireSender(v);
        String type = Attachments.check(contentType, filename, content);
        return idempotency.execute(user.tenantId(), user.subject(), request, content, () -> tx.executeWrite(s -> {
            AlertRow a = alerts.draft(v, id);
            Attachments.Attachment saved = attachments.store(a.tenantId(), a.id(), filename, type, content, v.userId());
            audit.record(v.tenantId(), v.actor(), "alert.attachment-added", "alert", id, "attachment=" + saved.id()
                    + " contentType=" + type + " size=" + saved.size() + " sha256=" + saved.sha256());
            return HttpResponse.created(saved, URI.create("/api/v1/alerts/" + id + "/attachments/" + saved.id()));
        }));
    }

    @Delete("/{attachmentId}")
    HttpResponse<?> remove(CurrentUser user, @PathVariable long id, @PathVariable long attachmentId) {
        Viewer v = viewers.of(user);
        AlertService.requireSender(v);
        tx.executeWrite(s -> {
            AlertRow a = alerts.draft(v, id);
            if (!attachments.remove(a.tenantId(), a.id(), attachmentId)) {
                throw Problems.notFound("Attachment " + attachmentId);
            }
            audit.record(v.tenantId(), v.actor(), "alert.attachment-removed", "alert", id, "attachment=" + attachmentId);
            return null;
        });
        return HttpResponse.noContent();
    }

    /** Streams the file to a reader of the alert; 404 unless the alert is readable and the file is one of its own. */
    @Get("/{attachmentId}")
    HttpResponse<Publisher<byte[]>> download(CurrentUser user, @PathVariable long id, @PathVariable long attachmentId) {
        Viewer v = viewers.of(user);
        AlertRow a = reads.find(v, id).orElseThrow(() -> Problems.notFound("Attachment " + attachmentId));
        Attachments.Stored file = attachments.find(a, attachmentId)
                .orElseThrow(() -> Problems.notFound("Attachment " + attachmentId));
        Publisher<byte[]> body = Flux.range(0, file.chunks())
                .concatMap(i -> Mono.fromCallable(() -> attachments.chunk(file, i)).subscribeOn(blocking));
        String encoded = URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(body)
                .contentType(MediaType.of(file.contentType()))
                .contentLength(file.size())
                .header("Content-Disposition", "attachment; filename=\"attachment-" + file.id() + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
