package jp.ceptoarhub.alerts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 別紙: uploaded to a draft (raw body or multipart), checked for type, content and size, and downloaded only by
 * readers of the alert — an attachment id fetched from outside the alert's audience is a 404. Sector of this class:
 * ELECTRICITY.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class AlertAttachmentTest extends AlertsTestSupport {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void attachmentsAreCheckedStoredAndReadUnderTheAlertsLabel() {
        Tenant t = ceptoar("ELECTRICITY_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long m1 = member(admin, "ELECTRICITY", "ELECTRICITY_GENERAL", "MEMBER");
        long m2 = member(admin, "ELECTRICITY", "ELECTRICITY_GENERAL", "MEMBER");
        String reader = token(person(t, Role.OPERATOR_STAFF, m1));
        String notAddressed = token(person(t, Role.OPERATOR_STAFF, m2));
        Tenant other = ceptoar("ELECTRICITY_CEPTOAR");
        String otherAdmin = token(person(other, Role.SECRETARIAT_ADMIN));

        long id = draft(admin, alert("ADVISORY", "AMBER", "別紙付きの注意喚起", List.of(rule("MEMBER", "memberId", m1))));
        String base = "/api/v1/alerts/" + id + "/attachments";

        // raw body with Content-Type and ?filename=
        HttpResponse<Map> pdf = exchange(HttpRequest.POST(base + "?filename=" + enc("別紙1.pdf"), PDF)
                .contentType(MediaType.of("application/pdf")), admin, Map.class);
        assertThat(pdf.code()).isEqualTo(201);
        assertThat(pdf.body().get("filename")).isEqualTo("別紙1.pdf");
        assertThat(pdf.body().get("size")).isEqualTo(PDF.length);
        long pdfId = id(pdf.body());
        // multipart, as a browser form sends it
        MultipartBody form = MultipartBody.builder().addPart("file", "ioc.png", MediaType.IMAGE_PNG_TYPE, PNG).build();
        HttpResponse<Map> png = exchange(HttpRequest.POST(base, form).contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                admin, Map.class);
        assertThat(png.code()).isEqualTo(201);

        // refused: a type that is not accepted, content that is not its type, a name without its extension,
        // no name, an empty file, over 5 MB
        assertThat(problem(HttpRequest.POST(base + "?filename=tool.exe", new byte[]{'M', 'Z', 0, 0})
                .contentType(MediaType.of("application/x-msdownload")), admin)).containsEntry("status", 415);
        assertThat(problem(HttpRequest.POST(base + "?filename=report.pdf", PNG).contentType(MediaType.of("application/pdf")), admin))
                .containsEntry("type", "urn:ceptoar-hub:problem:attachment-content-mismatch");
        assertThat(problem(HttpRequest.POST(base + "?filename=notes.txt", new byte[]{'a', 0, 'b'})
                .contentType(MediaType.TEXT_PLAIN_TYPE), admin)).containsEntry("status", 415);
        assertThat(problem(HttpRequest.POST(base + "?filename=report.docx", PDF).contentType(MediaType.of("application/pdf")), admin))
                .containsEntry("status", 400).containsKey("violations");
        assertThat(problem(HttpRequest.POST(base, PDF).contentType(MediaType.of("application/pdf")), admin))
                .containsEntry("status", 400).containsEntry("detail", "filename: is required (the file's name, e.g. 別紙1.pdf)");
        byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        assertThat(problem(HttpRequest.POST(base + "?filename=big.pdf", big).contentType(MediaType.of("application/pdf")), admin))
                .containsEntry("status", 413);
        assertThat((List) get("/api/v1/alerts/" + id, admin).get("attachments")).hasSize(2);

        // 別紙有無 must say so before sending
        HttpResponse<Map> noAnnex = error(HttpRequest.POST("/api/v1/alerts/" + id + "/send", "").bearerAuth(admin));
        assertThat(noAnnex.code()).isEqualTo(400);
        String etag = exchange(HttpRequest.GET("/api/v1/alerts/" + id), admin, Map.class).getHeaders().get("ETag");
        exchange(HttpRequest.PATCH("/api/v1/alerts/" + id, Map.of("annex", true)).header("If-Match", etag), admin, Map.class);
        send(admin, id);

        // an addressed reader downloads it, byte for byte, with safe headers
        HttpResponse<byte[]> download = http.toBlocking().exchange(HttpRequest.GET(base + "/" + pdfId).bearerAuth(reader), byte[].class);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.getHeaders().get("Content-Type")).startsWith("application/pdf");
        assertThat(download.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeaders().get("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        // nobody outside the audience gets it, whatever ids they send
        assertThat(status(HttpRequest.GET(base + "/" + pdfId), notAddressed)).isEqualTo(404);
        assertThat(status(HttpRequest.GET(base + "/" + pdfId), otherAdmin)).isEqualTo(404);
        assertThat(status(HttpRequest.GET(base + "/" + pdfId), null)).isEqualTo(401);
        // ... nor through an alert it may read
        long visible = id(alertOf(sent(admin, alert("INFORMATION", "GREEN", "別の情報", List.of(rule("MEMBERS"))))));
        assertThat(status(HttpRequest.GET("/api/v1/alerts/" + visible + "/attachments/" + pdfId), notAddressed)).isEqualTo(404);
        // a sent alert's attachments do not change
        assertThat(status(HttpRequest.POST(base + "?filename=late.pdf", PDF).contentType(MediaType.of("application/pdf")), admin))
                .isEqualTo(409);
        assertThat(status(HttpRequest.DELETE(base + "/" + pdfId), admin)).isEqualTo(409);
    }

    @Test
    void aDraftHoldsAtMostTenAttachmentsAndRemovesThem() {
        Tenant t = ceptoar("ELECTRICITY_CEPTOAR");
        String admin = token(person(t, Role.SECRETARIAT_ADMIN));
        long id = draft(admin, alert("INFORMATION", "GREEN", "別紙の上限", List.of(rule("MEMBERS"))));
        String base = "/api/v1/alerts/" + id + "/attachments";
        long first = 0;
        for (int i = 0; i < 10; i++) {
            Map a = exchange(HttpRequest.POST(base + "?filename=part" + i + ".csv", "列1,列2\n" + i)
                    .contentType(MediaType.of("text/csv")), admin, Map.class).body();
            first = first == 0 ? id(a) : first;
        }
        assertThat(problem(HttpRequest.POST(base + "?filename=part10.csv", "x").contentType(MediaType.of("text/csv")), admin))
                .containsEntry("type", "urn:ceptoar-hub:problem:too-many-attachments");
        assertThat(status(HttpRequest.DELETE(base + "/" + first), admin)).isEqualTo(204);
        assertThat(status(HttpRequest.DELETE(base + "/" + first), admin)).isEqualTo(404);
        assertThat((List) get("/api/v1/alerts/" + id, admin).get("attachments")).hasSize(9);
        // another CEPTOAR cannot add to or remove from this draft
        String otherAdmin = token(person(ceptoar("ELECTRICITY_CEPTOAR"), Role.SECRETARIAT_ADMIN));
        assertThat(status(HttpRequest.POST(base + "?filename=x.csv", "x").contentType(MediaType.of("text/csv")), otherAdmin))
                .isEqualTo(404);
    }

    private Map problem(MutableHttpRequest<?> request, String token) {
        return error(request.bearerAuth(token)).getBody(Map.class).orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
