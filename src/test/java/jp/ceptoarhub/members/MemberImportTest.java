package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class MemberImportTest extends MembersTestSupport {
    private static final String HEADER = "nameJa,nameKana,localGovernmentCode,corporateNumber,sectorCode,capitalBand,membershipKind,address\n";
    private static int nextCode = 10_000;

    /** A local government row with a fresh, valid 全国地方公共団体コード. */
    private static synchronized String lgRow(int i) {
        String first5 = String.format("%05d", nextCode++);
        String code = first5 + OrganisationCodes.localGovernmentCheckDigit(first5);
        return "試験市" + i + ",シケンシ," + code + ",," + "GOVERNMENT_ADMINISTRATIVE_SERVICES,none-of-these,MEMBER,\"東京都千代田区1-" + i + "\"\n";
    }

    private static String csv(int rows) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            sb.append(lgRow(i));
        }
        return sb.toString();
    }

    private static MutableHttpRequest<byte[]> upload(String body) {
        return HttpRequest.POST("/api/v1/members/imports", body.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=UTF-8");
    }

    @Test
    void twoThousandLocalGovernmentsImportInOneGo() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long before = countMembers(tenantA());
        String file = csv(2_000);
        long started = System.nanoTime();
        HttpResponse<Map> r = exchange(upload(file), sec, Map.class);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("MEMBER-IMPORT: 2,000-row CSV (" + file.getBytes(StandardCharsets.UTF_8).length
                + " bytes) imported in " + millis + " ms (HTTP round trip, incl. validation and 2,000 audit entries)");
        assertThat(r.code()).isEqualTo(201);
        assertThat(((Number) r.body().get("imported")).intValue()).isEqualTo(2_000);
        assertThat((List) r.body().get("memberIds")).hasSize(2_000);
        assertThat(countMembers(tenantA())).isEqualTo(before + 2_000);
        Map one = get("/api/v1/members/" + ((List<Number>) r.body().get("memberIds")).get(1999).longValue(), sec);
        assertThat(one.get("nameJa")).isEqualTo("試験市1999");
        assertThat(one.get("capitalBand")).isEqualTo("none-of-these");
    }

    @Test
    void oneBadRowAmongManyImportsNothingAndNamesTheRow() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            if (i == 321) {
                sb.append("悪い行,ワルイギョウ,,7000012050003,ELECTRICITY,,MEMBER,\n");
            } else {
                sb.append(lgRow(i));
            }
        }
        long before = countMembers(tenantA());
        HttpResponse<Map> r = error(upload(sb.toString()).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        List<Map> v = MemberApiTest.violations(r);
        assertThat(v).hasSize(1);
        assertThat(((Number) v.getFirst().get("row")).intValue()).as("header is row 1").isEqualTo(323);
        assertThat(v.getFirst().get("field")).isEqualTo("corporateNumber");
        assertThat(countMembers(tenantA())).isEqualTo(before);
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheTenantAreReported() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String existing = corporateNumber();
        createMember(sec, memberBody(existing));
        String repeated = corporateNumber();
        String file = "nameJa,nameKana,corporateNumber,sectorCode,employeeBand\n"
                + "一社,イチシャ," + repeated + ",GAS,under-50\n"
                + "二社,ニシャ," + repeated + ",GAS,under-50\n"
                + "三社,サンシャ," + existing + ",GAS,under-50\n"
                + "四社,ヨンシャ," + corporateNumber() + ",GAS,lots\n";
        long before = countMembers(tenantA());
        HttpResponse<Map> r = error(upload(file).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        List<Map> v = MemberApiTest.violations(r);
        assertThat(v).extracting(e -> ((Number) e.get("row")).intValue() + ":" + e.get("field"))
                .containsExactly("3:corporateNumber", "4:corporateNumber", "5:employeeBand");
        assertThat((String) v.getFirst().get("message")).contains("row 2");
        assertThat(countMembers(tenantA())).isEqualTo(before);
        // the same numbers are free in another tenant
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        HttpResponse<Map> ok = exchange(upload("nameJa,nameKana,corporateNumber,sectorCode\n三社,サンシャ," + existing + ",GAS\n"), secB, Map.class);
        assertThat(ok.code()).isEqualTo(201);
    }

    @Test
    void xlsxWithJapaneseHeadersImports() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String cn = corporateNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("会員");
            String[] header = {"名称", "フリガナ", "法人番号", "分野コード", "資本金区分", "会員種別"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, "北都ガス株式会社");
            ws.value(1, 1, "ホクトガス");
            ws.value(1, 2, cn);
            ws.value(1, 3, "GAS");
            ws.value(1, 4, "100m-to-under-300m");
            ws.value(1, 5, "NON_MEMBER_RECIPIENT");
            ws.value(2, 0, "南都ガス株式会社");
            ws.value(2, 1, "ﾅﾝﾄｶﾞｽ");
            ws.value(2, 2, Long.parseLong(corporateNumber())); // a numeric cell, as Excel keeps typed numbers
            ws.value(2, 3, "GAS");
        }
        long before = countMembers(tenantA());
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members/imports", out.toByteArray())
                .contentType(MemberImportService.XLSX), sec, Map.class);
        assertThat(r.code()).isEqualTo(201);
        assertThat(((Number) r.body().get("imported")).intValue()).isEqualTo(2);
        assertThat(countMembers(tenantA())).isEqualTo(before + 2);
        Map first = get("/api/v1/members?q=" + cn, sec);
        Map m = MemberApiTest.items(first).getFirst();
        assertThat(m.get("nameKana")).isEqualTo("ホクトガス");
        assertThat(m.get("membershipKind")).isEqualTo("NON_MEMBER_RECIPIENT");
        assertThat(MemberApiTest.items(get("/api/v1/members?q=" + MemberApiTest.enc("ナントガス"), sec))).hasSize(1);
    }

    @Test
    void multipartShiftJisAndDryRun() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long before = countMembers(tenantA());
        byte[] sjis = ("名称,フリガナ,法人番号,分野コード\n西都鉄道株式会社,サイトテツドウ," + corporateNumber() + ",RAILWAYS\n")
                .getBytes(Charset.forName("windows-31j"));
        HttpResponse<Map> dry = exchange(HttpRequest.POST("/api/v1/members/imports?dryRun=true", sjis).contentType("text/csv"), sec, Map.class);
        assertThat(dry.code()).isEqualTo(200);
        assertThat(dry.body().get("dryRun")).isEqualTo(true);
        assertThat(countMembers(tenantA())).isEqualTo(before);

        MultipartBody body = MultipartBody.builder().addPart("file", "members.csv", MediaType.of("text/csv"), sjis).build();
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members/imports", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), sec, Map.class);
        assertThat(r.code()).isEqualTo(201);
        assertThat(countMembers(tenantA())).isEqualTo(before + 1);
        assertThat(MemberApiTest.items(get("/api/v1/members?q=" + MemberApiTest.enc("西都鉄道"), sec))).hasSize(1);
    }

    @Test
    void malformedHugeAndOverlongFilesGetClearErrors() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long before = countMembers(tenantA());

        HttpResponse<Map> notXlsx = error(HttpRequest.POST("/api/v1/members/imports", "this is no workbook".getBytes())
                .contentType(MemberImportService.XLSX).bearerAuth(sec));
        assertThat(notXlsx.code()).isEqualTo(400);
        assertThat(notXlsx.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-malformed");

        byte[] brokenZip = new byte[2048];
        brokenZip[0] = 'P';
        brokenZip[1] = 'K';
        brokenZip[2] = 3;
        brokenZip[3] = 4;
        HttpResponse<Map> broken = error(HttpRequest.POST("/api/v1/members/imports", brokenZip)
                .contentType(MemberImportService.XLSX).bearerAuth(sec));
        assertThat(broken.code()).isEqualTo(400);

        HttpResponse<Map> unterminated = error(upload(HEADER + "\"未終了,シ,131016,,GAS,,MEMBER,\n").bearerAuth(sec));
        assertThat(unterminated.code()).isEqualTo(400);

        HttpResponse<Map> badHeader = error(upload("nameJa,nameKana,corporateNumber,sectorCode,favouriteColour\n").bearerAuth(sec));
        assertThat(badHeader.code()).isEqualTo(400);
        assertThat(MemberApiTest.violations(badHeader)).extracting(v -> v.get("field")).containsExactly("header");

        HttpResponse<Map> headerOnly = error(upload(HEADER).bearerAuth(sec));
        assertThat(headerOnly.code()).isEqualTo(400);

        String huge = HEADER + ("x".repeat(1000) + "\n").repeat(5_300);
        HttpResponse<Map> tooBig = error(upload(huge).bearerAuth(sec));
        assertThat(tooBig.code()).isEqualTo(413);
        assertThat(tooBig.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-too-large");

        StringBuilder many = new StringBuilder("nameJa,nameKana,corporateNumber,sectorCode\n");
        for (int i = 0; i <= MemberImportService.MAX_ROWS; i++) {
            many.append("a,ア,1,GAS\n");
        }
        HttpResponse<Map> tooMany = error(upload(many.toString()).bearerAuth(sec));
        assertThat(tooMany.code()).isEqualTo(413);
        assertThat(tooMany.body().get("type")).isEqualTo("urn:ceptoar-hub:problem:import-too-many-rows");

        assertThat(countMembers(tenantA())).isEqualTo(before);
    }

    /**
     * Issue 9 item 5: the exports guard every formula-like cell and the import removes the guard, so a cell as an
     * export wrote it — a phone number +81-3-1234-5678, an OWASP payload, a value that begins with an apostrophe —
     * imports unchanged, from CSV and from .xlsx. Fails before issue 9: the CSV let -2+3+cmd... through, the .xlsx
     * guarded nothing and the import kept the apostrophe.
     */
    @Test
    void whatTheExportsWriteImportsUnchanged() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String payload = "-2+3+cmd|' /C calc'!A0";
        String phone = "+81-3-1234-5678（代表）";
        String quoted = "'東都ビル' 3階";
        Map<String, Object> body = new HashMap<>(memberBody(corporateNumber()));
        body.put("nameJa", payload);
        body.put("notes", phone);
        body.put("address", quoted);
        long member = createMember(sec, body);

        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/members/freshness?format=csv")
                .bearerAuth(sec), String.class);
        Map<String, String> csvRow;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv.substring(1)))) {
            csvRow = parser.stream().filter(r -> r.get("memberId").equals(String.valueOf(member))).findFirst()
                    .orElseThrow().toMap();
        }
        assertThat(csvRow.get("nameJa")).isEqualTo("'" + payload);

        byte[] xlsx = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/members/" + member
                + "/records-export?format=xlsx").bearerAuth(sec), byte[].class);
        Map<String, String> summary = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getFirstSheet().read()) {
                if (row.getCellCount() == 2) {
                    summary.put(row.getCellText(0), row.getCellText(1));
                }
            }
        }
        assertThat(summary).containsEntry("member.notes", "'" + phone).containsEntry("member.address", "'" + quoted)
                .containsEntry("member.nameJa", "'" + payload);

        // The exported cells, exactly as written, imported as new members from CSV and from .xlsx.
        String[] header = {"nameJa", "nameKana", "corporateNumber", "sectorCode", "notes", "address"};
        String[] cells = {csvRow.get("nameJa"), summary.get("member.nameKana"), null,
                summary.get("member.sectorCode"), summary.get("member.notes"), summary.get("member.address")};
        StringBuilder file = new StringBuilder();
        cells[2] = corporateNumber();
        try (CSVPrinter printer = new CSVPrinter(file, CSVFormat.RFC4180)) {
            printer.printRecord((Object[]) header);
            printer.printRecord((Object[]) cells);
        }
        long fromCsv = importedId(exchange(upload(file.toString()), sec, Map.class));

        cells[2] = corporateNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("会員");
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.value(1, c, cells[c]);
            }
        }
        long fromXlsx = importedId(exchange(HttpRequest.POST("/api/v1/members/imports", out.toByteArray())
                .contentType(MemberImportService.XLSX), sec, Map.class));

        for (long id : List.of(fromCsv, fromXlsx)) {
            Map imported = get("/api/v1/members/" + id, sec);
            assertThat(imported.get("nameJa")).isEqualTo(payload);
            assertThat(imported.get("notes")).isEqualTo(phone);
            assertThat(imported.get("address")).isEqualTo(quoted);
        }
    }

    private static long importedId(HttpResponse<Map> r) {
        assertThat(r.code()).isEqualTo(201);
        return ((List<Number>) r.body().get("memberIds")).getFirst().longValue();
    }

    @Test
    void onlyTheTenantsSecretariatImportsAndOnlyIntoItsOwnTenant() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long member = createMember(secA);
        long beforeA = countMembers(tenantA());
        long beforeB = countMembers(tenantB());
        assertThat(error(upload(csv(3)).bearerAuth(nisc())).code()).isEqualTo(403);
        assertThat(error(upload(csv(3)).bearerAuth(token(person(tenantA(), Role.OPERATOR_ADMIN, member)))).code()).isEqualTo(403);
        assertThat(countMembers(tenantA())).isEqualTo(beforeA);
        exchange(upload(csv(3)), secB, Map.class);
        assertThat(countMembers(tenantB())).isEqualTo(beforeB + 3);
        assertThat(countMembers(tenantA())).isEqualTo(beforeA);
    }
}
