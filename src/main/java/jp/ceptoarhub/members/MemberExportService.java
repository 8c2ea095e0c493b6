package jp.ceptoarhub.members;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.FormulaGuard;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordExport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Export of a member operator's full readiness record set (issue 4 item 7): the member and, per record type, its
 * live records as the API shows them. Record types plug in through {@link RecordExport}. Every export is audited:
 * it carries the crisis contacts of an organisation.
 */
@Singleton
class MemberExportService {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Excel's limit is 32,767 characters per cell; a longer value is cut with a visible marker. */
    private static final int CELL_LIMIT = 32_000;
    /** The summary's export time, in Japan's time as the label says. */
    private static final DateTimeFormatter JST_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final MemberService members;
    private final List<RecordExport> exports;
    private final AuditService audit;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;

    MemberExportService(MemberService members, List<RecordExport> exports, AuditService audit, JsonMapper json,
                        TransactionOperations<Connection> tx) {
        this.members = members;
        this.exports = exports.stream().sorted(Comparator.comparing(RecordExport::recordType)
                .thenComparing(RecordExport::code)).toList();
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    /** The export as one JSON tree: {exportedAt, exportedBy, member, recordTypes, records: {code: [..]}}. */
    JsonNode export(CurrentUser user, long memberId, Labels lang, String format) {
        members.requireRecordAccess(user, memberId, "Member records");
        return tx.executeWrite(status -> {
            MemberOperator member = members.visible(user, memberId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, JsonNode> records = new LinkedHashMap<>();
            List<JsonNode> types = new ArrayList<>();
            for (RecordExport e : exports) {
                List<JsonNode> items = new ArrayList<>();
                for (Object item : e.export(user.tenantId(), memberId, lang)) {
                    items.add(tree(item));
                }
                records.put(e.code(), JsonNode.createArrayNode(items));
                Map<String, JsonNode> t = new LinkedHashMap<>();
                t.put("code", JsonNode.createStringNode(e.code()));
                t.put("label", JsonNode.createStringNode(e.label(lang)));
                t.put("count", JsonNode.createNumberNode(items.size()));
                types.add(JsonNode.createObjectNode(t));
            }
            Map<String, JsonNode> root = new LinkedHashMap<>();
            root.put("exportedAt", JsonNode.createStringNode(now.toString()));
            root.put("exportedBy", user.username() == null ? JsonNode.nullNode()
                    : JsonNode.createStringNode(user.username()));
            root.put("member", tree(MemberView.of(member, lang, user.secretariat())));
            root.put("recordTypes", JsonNode.createArrayNode(types));
            root.put("records", JsonNode.createObjectNode(records));
            audit.record(user, "member.records-exported", "member", memberId, "format=" + format + " "
                    + types.stream().map(t -> t.get("code").getStringValue() + "=" + t.get("count").getIntValue())
                    .collect(Collectors.joining(",")));
            return JsonNode.createObjectNode(root);
        });
    }

    /**
     * The same export as an .xlsx workbook: a summary sheet with the member, then one sheet per list of records
     * with one row per record, columns as {@link #flatten} names them. Every text cell passes {@link FormulaGuard};
     * cells are text or numbers, never formulas.
     */
    byte[] xlsx(JsonNode export, Labels lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "CEPTOAR Hub", "1.0");
            Worksheet summary = wb.newWorksheet(sheetName(lang.pick("概要", "Summary"), Set.of()));
            int r = 0;
            summary.value(r, 0, lang.pick("出力日時（日本時間）", "Exported at (JST)"));
            summary.value(r++, 1, JST_TIME.format(Instant.parse(export.get("exportedAt").getStringValue())));
            summary.value(r, 0, lang.pick("出力者", "Exported by"));
            summary.value(r++, 1, FormulaGuard.guard(text(export.get("exportedBy"))));
            r++;
            for (Map.Entry<String, String> e : flatten(export.get("member")).entrySet()) {
                summary.value(r, 0, "member." + e.getKey());
                summary.value(r++, 1, e.getValue());
            }
            r++;
            Set<String> used = new LinkedHashSet<>(List.of(lang.pick("概要", "Summary")));
            for (JsonNode type : export.get("recordTypes").values()) {
                summary.value(r, 0, type.get("label").getStringValue());
                summary.value(r++, 1, type.get("count").getIntValue());
                String name = sheetName(type.get("label").getStringValue(), used);
                used.add(name);
                writeSheet(wb.newWorksheet(name), export.get("records").get(type.get("code").getStringValue()));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeSheet(Worksheet sheet, JsonNode items) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : items.values()) {
            Map<String, String> row = flatten(item);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        List<String> cols = new ArrayList<>(columns);
        for (int c = 0; c < cols.size(); c++) {
            sheet.value(0, c, cols.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < cols.size(); c++) {
                String v = rows.get(i).get(cols.get(c));
                if (v != null) {
                    sheet.value(i + 1, c, v);
                }
            }
        }
        if (!cols.isEmpty()) {
            sheet.freezePane(0, 1);
        }
    }

    /**
     * One record as spreadsheet cells: nested objects flatten to dotted column names ({@code incidentContact.phone});
     * a list of scalars joins with "; "; a list of objects becomes one column per field of its items
     * ({@code channels.type}, {@code channels.value}), each joining the items' values with "; " in list order (an
     * item without the field contributes an empty value, so the n-th values of the columns belong together). Lists
     * inside listed objects join with ", ". Every cell is passed through {@link FormulaGuard}.
     */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", node, values, "; ");
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((column, value) -> out.put(column, cell(value)));
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, String separator) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, separator);
            }
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.values().forEach(items::add);
            if (items.isEmpty()) {
                return;
            }
            // Per column, the value of each item (index-aligned); scalar items of a mixed list go to the list's column.
            Map<String, String[]> columns = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Map<String, String> item = new LinkedHashMap<>();
                flatten(prefix, items.get(i), item, ", ");
                for (Map.Entry<String, String> e : item.entrySet()) {
                    columns.computeIfAbsent(e.getKey(), k -> new String[items.size()])[i] = e.getValue();
                }
            }
            columns.forEach((column, values) -> {
                List<String> parts = new ArrayList<>();
                for (String v : values) {
                    parts.add(v == null ? "" : v);
                }
                out.put(column, String.join(separator, parts));
            });
        } else {
            out.put(prefix, text(node));
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isString()) {
            return v.getStringValue();
        }
        if (v.isBoolean()) {
            return String.valueOf(v.getBooleanValue());
        }
        return v.getNumberValue().toString();
    }

    private static String cell(String s) {
        return FormulaGuard.guard(s.length() <= CELL_LIMIT ? s : s.substring(0, CELL_LIMIT) + " …(truncated)");
    }

    /** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
    private static String sheetName(String label, Set<String> used) {
        String base = label.replaceAll("[\\[\\]:*?/\\\\]", "・");
        String name = base.length() > 31 ? base.substring(0, 31) : base;
        for (int i = 2; used.contains(name); i++) {
            name = (base.length() > 28 ? base.substring(0, 28) : base) + " " + i;
        }
        return name;
    }

    private JsonNode tree(Object value) {
        try {
            return json.writeValueToTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
