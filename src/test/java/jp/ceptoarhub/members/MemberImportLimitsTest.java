package jp.ceptoarhub.members;

import com.sun.management.ThreadMXBean;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 4: small import files that would inflate to far more than an import needs — one huge cell, a million
 * blank rows, 64 MiB of padding, a cell far to the right — are refused with a 413 problem before they are parsed,
 * within bounded time and memory, and nothing is imported. The workbooks are written by hand (a zip of the five
 * parts an .xlsx needs), streamed, so that the test itself never holds what they inflate to. Each refusal below
 * fails before issue 9 (the huge cell was inflated whole; blank rows, padding and far columns were read through).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("rawtypes")
class MemberImportLimitsTest extends MembersTestSupport {
    private static final String HEADER_ROW = "<row>" + inline("nameJa") + inline("nameKana") + inline("corporateNumber")
            + inline("sectorCode") + "</row>";

    @Test
    void aHandWrittenWorkbookWithinTheLimitsImports() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook(out -> write(out, HEADER_ROW + dataRow()));
        HttpResponse<Map> r = exchange(xlsx(file), sec, Map.class);
        assertThat(r.code()).as("the crafted workbooks below are readable .xlsx").isEqualTo(201);
    }

    @Test
    void aSmallWorkbookHoldingOneHugeCellIsRefusedWithoutInflatingIt() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook(out -> {
            write(out, HEADER_ROW + "<row><c t=\"inlineStr\"><is><t>");
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 150; i++) {
                out.write(chunk);
            }
            write(out, "</t></is></c></row>");
        });
        assertThat(file.length).as("150 MiB cell, compressed").isLessThan(MemberImportService.MAX_BYTES);
        refused(sec, file, "import-cell-too-large");
    }

    @Test
    void aMillionBlankRowsAreCountedAndRefused() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook(out -> {
            write(out, HEADER_ROW);
            byte[] blank = "<row/>".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(blank);
            }
            write(out, dataRow());
        });
        refused(sec, file, "import-too-many-rows");

        StringBuilder csv = new StringBuilder("nameJa,nameKana,corporateNumber,sectorCode\n");
        csv.append("\n".repeat(1_000_000)).append("試験,シケン,").append(corporateNumber()).append(",GAS\n");
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/members/imports", csv.toString()
                .getBytes(StandardCharsets.UTF_8)).contentType("text/csv").bearerAuth(sec));
        assertThat(r.code()).isEqualTo(413);
        assertThat(r.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-too-many-rows");
    }

    @Test
    void aWorkbookInflatingPastTheLimitIsRefused() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook(out -> {
            write(out, HEADER_ROW + dataRow());
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 70; i++) {
                out.write(spaces);
            }
        });
        refused(sec, file, "import-too-large");
    }

    @Test
    void aCellFarToTheRightOrTooLongIsRefused() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook(out -> write(out, HEADER_ROW
                + dataRow().replace("</row>", "<c r=\"XFD2\" t=\"inlineStr\"><is><t>x</t></is></c></row>")));
        refused(sec, file, "import-too-many-columns");

        String csv = "nameJa,nameKana,corporateNumber,sectorCode,notes\n試験,シケン," + corporateNumber() + ",GAS,"
                + "備".repeat(ImportLimits.MAX_CELL_CHARS + 1) + "\n";
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/members/imports", csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv").bearerAuth(sec));
        assertThat(r.code()).isEqualTo(413);
        assertThat(r.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-cell-too-large");
    }

    @Test
    void aWorkbookPartWithADtdIsRefusedAsMalformed() throws IOException {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        byte[] file = workbook("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>", out -> write(out, HEADER_ROW + dataRow()));
        HttpResponse<Map> r = error(xlsx(file).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-malformed");
    }

    /**
     * Posts the file and expects a 413 problem of the type, nothing imported, and a bounded cost: the whole request,
     * the server's handling included (it runs in this JVM), allocates less than 32 MiB — before issue 9, the
     * 150 MiB cell alone cost over a gigabyte.
     */
    private void refused(String token, byte[] file, String type) {
        long before = countMembers(tenantA());
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long started = System.nanoTime();
        HttpResponse<Map> r = error(xlsx(file).bearerAuth(token));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        System.out.printf("IMPORT-LIMITS: %s: %,d-byte file refused in %d ms, %,d bytes allocated%n", type,
                file.length, millis, allocated);
        assertThat(r.code()).isEqualTo(413);
        assertThat(r.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:" + type);
        assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
        assertThat(allocated).isLessThan(32L * 1024 * 1024);
        assertThat(countMembers(tenantA())).isEqualTo(before);
    }

    private static MutableHttpRequest<byte[]> xlsx(byte[] file) {
        return HttpRequest.POST("/api/v1/members/imports", file).contentType(MemberImportService.XLSX);
    }

    private static String inline(String text) {
        return "<c t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static String dataRow() {
        return "<row>" + inline("試験株式会社") + inline("シケン") + inline(corporateNumber()) + inline("GAS") + "</row>";
    }

    private static void write(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
    }

    private interface SheetData {
        void writeTo(OutputStream out) throws IOException;
    }

    private static byte[] workbook(SheetData rows) throws IOException {
        return workbook("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", rows);
    }

    /** A minimal .xlsx: content types, package and workbook relationships, the workbook and one sheet. */
    private static byte[] workbook(String prolog, SheetData rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="会員" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write(zip, prolog + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetData>");
            rows.writeTo(zip);
            write(zip, "</sheetData></worksheet>");
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, xml);
        zip.closeEntry();
    }
}
