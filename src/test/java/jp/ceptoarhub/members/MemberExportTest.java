package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.SampleRecords;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export of a member's full record set (issue 4 item 7) as JSON and .xlsx: the member's own users and its
 * secretariat get every live record of every record type; other members, other tenants and NISC get nothing.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class MemberExportTest extends MemberRecordsTestSupport {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theMembersUsersAndItsSecretariatExportEveryLiveRecordAsJson() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String staff = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        String contacts = "/api/v1/members/" + member + "/contacts";
        exchange(HttpRequest.POST(contacts, RecordPolicyTest.contact()), staff, Map.class);
        Map<String, Object> second = new HashMap<>(RecordPolicyTest.contact());
        second.put("nameJa", "削除 予定");
        second.put("nameKana", "さくじょ よてい");
        long gone = ((Number) exchange(HttpRequest.POST(contacts, second), staff, Map.class).body().get("id"))
                .longValue();
        String etag = http.toBlocking().exchange(HttpRequest.GET(contacts + "/" + gone).bearerAuth(staff))
                .header("ETag");
        exchange(HttpRequest.DELETE(contacts + "/" + gone).header("If-Match", etag), staff, Map.class);
        exchange(HttpRequest.POST("/api/v1/members/" + member + "/continuity-plans", RecordPolicyTest.plan()), staff,
                Map.class);

        HttpResponse<Map> r = exchange(HttpRequest.GET(export(member)), staff, Map.class);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        Map body = r.body();
        assertThat(((Number) ((Map) body.get("member")).get("id")).longValue()).isEqualTo(member);
        assertThat(((Map) body.get("member"))).doesNotContainKey("notes");
        Map records = (Map) body.get("records");
        assertThat((List<Map>) records.get("contacts")).extracting(c -> c.get("nameJa")).containsExactly("山田 太郎");
        assertThat((List<Map>) records.get("continuity-plans")).extracting(p -> p.get("planType"))
                .containsExactly("BCP");
        assertThat((List<Map>) body.get("recordTypes")).extracting(t -> t.get("code"))
                .contains("contacts", "continuity-plans");
        assertThat((List<Map>) body.get("recordTypes")).filteredOn(t -> t.get("code").equals("contacts"))
                .extracting(t -> t.get("count")).containsExactly(1);

        Map asSecretariat = get(export(member), sec);
        assertThat(((Map) asSecretariat.get("records")).get("contacts")).isEqualTo(records.get("contacts"));
        assertThat(auditEntries(member)).isEqualTo(2);
    }

    /** Fails before issue 9: the cell was written as {@code =HYPERLINK(...)}, channels as JSON, the time in UTC. */
    @Test
    void xlsxHasASummaryAndOneSheetPerRecordTypeWithTextNeverFormulas() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        Map<String, Object> contact = new HashMap<>(RecordPolicyTest.contact());
        contact.put("nameJa", "=HYPERLINK(\"http://evil.example/\",\"x\")");
        contact.put("department", "-2+3+cmd|' /C calc'!A0");
        contact.put("functions", List.of(Map.of("function", "POC", "order", "PRIMARY"),
                Map.of("function", "INCIDENT_CONTACT", "order", "DEPUTY")));
        contact.put("channels", List.of(Map.of("type", "PHONE", "value", "+81-3-1234-5678"),
                Map.of("type", "EMAIL", "value", "yamada@example.jp")));
        exchange(HttpRequest.POST("/api/v1/members/" + member + "/contacts", contact), sec, Map.class);

        for (HttpRequest<?> request : List.of(HttpRequest.GET(export(member) + "?format=xlsx"),
                HttpRequest.GET(export(member)).accept(XLSX))) {
            HttpResponse<byte[]> r = http.toBlocking().exchange(((MutableHttpRequest<?>) request)
                    .bearerAuth(sec).header("Accept-Language", "ja"), byte[].class);
            assertThat(r.getContentType().orElseThrow().getName()).isEqualTo(XLSX);
            assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"member-" + member);
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
                List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
                assertThat(sheets).startsWith("概要").contains("連絡先", "事業継続計画等");
                Sheet contacts = wb.getSheets().filter(s -> s.getName().equals("連絡先")).findFirst().orElseThrow();
                List<Row> rows = contacts.read();
                assertThat(rows).hasSize(2);
                Map<String, Cell> byHeader = rows.get(0).stream().collect(Collectors.toMap(Cell::getText,
                        c -> rows.get(1).getCell(c.getColumnIndex())));
                Cell name = byHeader.get("nameJa");
                assertThat(name.getType()).isEqualTo(CellType.STRING);
                assertThat(name.getText()).isEqualTo("'=HYPERLINK(\"http://evil.example/\",\"x\")");
                assertThat(byHeader.get("department").getText()).isEqualTo("'-2+3+cmd|' /C calc'!A0");

                // Lists of objects: one dotted column per field, the items' values joined with "; " in order.
                assertThat(byHeader.get("functions.function").getText()).isEqualTo("POC; INCIDENT_CONTACT");
                assertThat(byHeader.get("functions.order").getText()).isEqualTo("PRIMARY; DEPUTY");
                assertThat(byHeader.get("channels.type").getText()).isEqualTo("PHONE; EMAIL");
                assertThat(byHeader.get("channels.value").getText())
                        .isEqualTo("'+81-3-1234-5678; yamada@example.jp");
                assertThat(byHeader).doesNotContainKeys("functions", "channels");
                assertThat(rows.get(1).stream().map(Cell::getText)).noneMatch(t -> t.startsWith("[") || t.startsWith("="));

                List<Row> summary = wb.getFirstSheet().read();
                assertThat(summary.getFirst().getCellText(0)).isEqualTo("出力日時（日本時間）");
                LocalDateTime exportedAt = LocalDateTime.parse(summary.getFirst().getCellText(1),
                        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
                assertThat(Duration.between(exportedAt, LocalDateTime.now(ZoneId.of("Asia/Tokyo"))).abs())
                        .isLessThan(Duration.ofMinutes(5));
            }
        }
    }

    /** Fails before issue 9: services and systems came wrapped in {recordKind, service | system} rows. */
    @Test
    void criticalServicesAndSystemsAreExportedInTheirOwnGetShape() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String opAdmin = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        new SampleRecords(HttpClient.newHttpClient(),
                "http://127.0.0.1:" + server.getPort()).seed(member, "ELECTRICITY", opAdmin);
        String base = "/api/v1/members/" + member;

        Map records = (Map) get(export(member), opAdmin).get("records");
        List<Map> services = (List<Map>) records.get("critical-services");
        List<Map> systems = (List<Map>) records.get("systems");
        assertThat(services).hasSize(2);
        assertThat(systems).hasSize(3);
        for (Map service : services) {
            assertThat(service).isEqualTo(get(base + "/critical-services/" + service.get("id"), opAdmin));
        }
        for (Map system : systems) {
            assertThat(system).isEqualTo(get(base + "/systems/" + system.get("id"), opAdmin));
        }
        Map body = get(export(member), opAdmin);
        assertThat((List<Map>) body.get("recordTypes")).extracting(t -> t.get("code")).containsSubsequence(
                "critical-services", "systems");
    }

    @Test
    void everyRecordTypeIsInTheExportInBothFormats() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String opAdmin = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        new SampleRecords(HttpClient.newHttpClient(),
                "http://127.0.0.1:" + server.getPort()).seed(member, "ELECTRICITY", opAdmin);

        Map body = get(export(member), opAdmin);
        Map<String, Integer> counts = ((List<Map>) body.get("recordTypes")).stream().collect(Collectors.toMap(
                t -> (String) t.get("code"), t -> ((Number) t.get("count")).intValue()));
        assertThat(counts).containsEntry("contacts", 8).containsEntry("suppliers", 5)
                .containsEntry("cloud-services", 3).containsEntry("critical-services", 2).containsEntry("systems", 3)
                .containsEntry("continuity-plans", 3).containsKey("self-assessment");
        assertThat(counts.get("self-assessment")).isPositive();
        Map records = (Map) body.get("records");
        assertThat((List<Map>) records.get("cloud-services")).extracting(c -> c.get("serviceName"))
                .containsExactly("業務SaaS", "バックアップストレージ", "Web会議");

        HttpResponse<byte[]> xlsx = http.toBlocking().exchange(HttpRequest.GET(export(member) + "?format=xlsx")
                .bearerAuth(opAdmin).header("Accept-Language", "en"), byte[].class);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Map<String, Integer> rows = wb.getSheets().collect(Collectors.toMap(Sheet::getName, sh -> {
                try {
                    return sh.read().size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            assertThat(rows).containsEntry("Contacts", 9).containsEntry("Suppliers", 6)
                    .containsEntry("Cloud services", 4).containsEntry("Critical services", 3).containsEntry("Systems", 4)
                    .containsEntry("Continuity plans", 4).containsEntry("Self-assessment", counts.get("self-assessment") + 1)
                    .containsKey("Summary");
        }
    }

    @Test
    void nobodyElseExportsAMembersRecords() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        long b1 = createMember(secB);
        String opA1 = token(person(tenantA(), Role.OPERATOR_ADMIN, a1));
        long before = auditEntries(b1) + auditEntries(a2);

        assertThat(error(HttpRequest.GET(export(b1)).bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(export(b1) + "?format=xlsx").bearerAuth(secA)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(export(a2)).bearerAuth(opA1)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(export(b1)).bearerAuth(nisc())).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET(export(999_999_999L)).bearerAuth(secA)).code()).isEqualTo(404);
        HttpResponse<Map> bad = error(HttpRequest.GET(export(a1) + "?format=pdf").bearerAuth(opA1));
        assertThat(bad.code()).isEqualTo(400);
        assertThat((List<Map>) bad.getBody(Map.class).orElseThrow().get("violations"))
                .extracting(v -> v.get("field")).containsExactly("format");
        assertThat(auditEntries(b1) + auditEntries(a2)).as("refused exports leave no trace").isEqualTo(before);

        assertThat(get(export(b1), secB).get("member")).isNotNull();
    }

    private static String export(long member) {
        return "/api/v1/members/" + member + "/records-export";
    }

    private long auditEntries(long member) {
        return jdbc.execute(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = 'member.records-exported' "
                    + "AND entity_id = ?")) {
                ps.setString(1, String.valueOf(member));
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
