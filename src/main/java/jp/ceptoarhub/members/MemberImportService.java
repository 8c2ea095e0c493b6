package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.FormulaGuard;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.ThrowableProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Bulk import of member operators from CSV (UTF-8, or Shift_JIS/Windows-31J as Excel writes it) or .xlsx (first
 * sheet). The first row names the columns (API field names or their Japanese labels). Every row is validated first
 * — fields, references, duplicates within the file and against the tenant — and then either all rows are inserted
 * in one transaction or none, with a per-row error report. Rows are streamed; the file, its rows (blank ones
 * included), columns and cells and an .xlsx's inflated size are capped ({@link ImportLimits}), and a workbook is
 * checked against those caps before it is parsed. Cells lose the apostrophe {@link FormulaGuard} puts before values
 * an export writes, so what an export wrote comes back unchanged.
 */
@Singleton
class MemberImportService {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    static final int MAX_REPORTED_ERRORS = 1_000;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Logger LOG = LoggerFactory.getLogger(MemberImportService.class);

    /** Column header → field. API names and the Japanese labels a secretariat's spreadsheet is likely to use. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        column("nameJa", "名称", "法人名", "団体名");
        column("nameKana", "名称カナ", "フリガナ", "ふりがな");
        column("nameEn", "英語名称", "英文名称");
        column("corporateNumber", "法人番号");
        column("localGovernmentCode", "地方公共団体コード", "団体コード");
        column("sectorCode", "分野コード");
        column("subSectorCode", "サブ分野コード");
        column("employeeBand", "従業員数区分", "従業員数");
        column("capitalBand", "資本金区分", "資本金");
        column("membershipKind", "会員種別");
        column("address", "住所", "所在地");
        column("notes", "備考");
    }

    private static void column(String field, String... aliases) {
        COLUMNS.put(field.toLowerCase(Locale.ROOT), field);
        for (String a : aliases) {
            COLUMNS.put(a, field);
        }
    }

    private final MemberRules rules;
    private final MemberService members;
    private final MemberOperatorRepository repository;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;

    MemberImportService(MemberRules rules, MemberService members, MemberOperatorRepository repository,
                        AuditService audit, TransactionOperations<Connection> tx) {
        this.rules = rules;
        this.members = members;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
    }

    @Serdeable
    record ImportResult(int imported, boolean dryRun, List<Long> memberIds) {
    }

    record RowError(int row, String field, String message) {
    }

    ImportResult importFile(CurrentUser user, byte[] content, @Nullable String contentType, @Nullable String fileName,
                            boolean dryRun) {
        MemberService.requireSecretariat(user);
        if (content.length > MAX_BYTES) {
            throw tooLarge(content.length);
        }
        if (content.length == 0) {
            throw Problems.invalidField("file", "is empty");
        }
        boolean xlsx = isXlsx(content, contentType, fileName);
        if (xlsx) {
            ImportLimits.checkXlsx(content);
        }
        long started = System.nanoTime();
        Map<String, Integer> corporateNumbers = new HashMap<>();
        Map<String, Integer> localCodes = new HashMap<>();
        repository.findAllOfTenant(user.tenantId()).forEach(m -> {
            if (m.corporateNumber() != null) {
                corporateNumbers.put(m.corporateNumber(), 0);
            }
            if (m.localGovernmentCode() != null) {
                localCodes.put(m.localGovernmentCode(), 0);
            }
        });
        List<MemberData> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int[] errorCount = {0};
        Consumer<RowError> error = e -> {
            errorCount[0]++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(e);
            }
        };
        RowSink sink = (rowNumber, values) -> {
            MemberRules.Result r = rules.validate(input(values));
            r.errors().forEach(e -> error.accept(new RowError(rowNumber, e.field(), e.message())));
            if (r.data() == null) {
                return;
            }
            MemberData d = r.data();
            boolean ok = unique("corporateNumber", d.corporateNumber(), corporateNumbers, rowNumber, error)
                    & unique("localGovernmentCode", d.localGovernmentCode(), localCodes, rowNumber, error);
            if (ok) {
                valid.add(d);
            }
        };
        int rows = xlsx ? readXlsx(content, sink) : readCsv(content, contentType, sink);
        if (rows == 0) {
            throw Problems.invalidField("file", "has a header row but no data rows");
        }
        if (errorCount[0] > 0) {
            throw rejected(errors, errorCount[0], rows);
        }
        List<Long> ids = new ArrayList<>();
        if (!dryRun) {
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            tx.executeWrite(status -> {
                for (MemberData d : valid) {
                    MemberOperator saved = members.insert(new MemberOperator(null, user.tenantId(), d.nameJa(),
                            d.nameKana(), d.nameEn(), d.corporateNumber(), d.localGovernmentCode(), d.sectorCode(),
                            d.subSectorCode(), d.employeeBand(), d.capitalBand(), d.membershipKind(), null, null, null,
                            d.address(), d.notes(), now, now, null));
                    ids.add(saved.id());
                    audit.record(user, "member.imported", "member", saved.id(), MemberService.describe(saved));
                }
                return null;
            });
        }
        LOG.info("Member import of {} rows for tenant {} ({}): {} ms", rows, user.tenantId(),
                dryRun ? "dry run" : "imported", (System.nanoTime() - started) / 1_000_000);
        return new ImportResult(dryRun ? 0 : ids.size(), dryRun, ids);
    }

    private static boolean unique(String field, @Nullable String value, Map<String, Integer> seen, int row,
                                  Consumer<RowError> error) {
        if (value == null) {
            return true;
        }
        Integer first = seen.putIfAbsent(value, row);
        if (first == null) {
            return true;
        }
        error.accept(new RowError(row, field, first == 0 ? "is already used by a member of this CEPTOAR"
                : "repeats the value of row " + first));
        return false;
    }

    private interface RowSink {
        void accept(int rowNumber, Map<String, String> values);
    }

    private static MemberCommands.MemberInput input(Map<String, String> v) {
        return new MemberCommands.MemberInput(v.get("nameJa"), v.get("nameKana"), v.get("nameEn"),
                v.get("corporateNumber"), v.get("localGovernmentCode"), v.get("sectorCode"), v.get("subSectorCode"),
                v.get("employeeBand"), v.get("capitalBand"), v.get("membershipKind"), v.get("address"), v.get("notes"));
    }

    /** Maps header cells to fields; unknown or repeated columns are refused before any row is read. */
    private static String[] header(List<String> cells) {
        String[] fields = new String[cells.size()];
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String raw = MemberRules.text(cells.get(i));
            if (raw == null) {
                continue;
            }
            String field = COLUMNS.get(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
            if (field == null) {
                field = COLUMNS.get(raw.toLowerCase(Locale.ROOT));
            }
            if (field == null) {
                errors.add(new RowError(1, "header", "column " + (i + 1) + " \"" + raw + "\" is not a member field"));
            } else if (used.putIfAbsent(field, i) != null) {
                errors.add(new RowError(1, "header", "column " + (i + 1) + " repeats " + field));
            } else {
                fields[i] = field;
            }
        }
        for (String required : List.of("nameJa", "nameKana", "sectorCode")) {
            if (!used.containsKey(required)) {
                errors.add(new RowError(1, "header", "the column " + required + " is missing"));
            }
        }
        if (!used.containsKey("corporateNumber") && !used.containsKey("localGovernmentCode")) {
            errors.add(new RowError(1, "header", "a corporateNumber or localGovernmentCode column is required"));
        }
        if (!errors.isEmpty()) {
            throw rejected(errors, errors.size(), 0);
        }
        return fields;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static void row(String[] fields, int rowNumber, List<String> cells, int[] dataRows, RowSink sink) {
        Map<String, String> values = new HashMap<>();
        boolean blank = true;
        for (int i = 0; i < cells.size() && i < fields.length; i++) {
            String c = cells.get(i);
            if (fields[i] != null && c != null && !c.isBlank()) {
                values.put(fields[i], FormulaGuard.unguard(c));
                blank = false;
            }
        }
        if (blank) {
            return;
        }
        if (++dataRows[0] > MAX_ROWS) {
            throw Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "import-too-many-rows", "Content Too Large",
                    "An import may hold at most " + MAX_ROWS + " rows; split the file");
        }
        sink.accept(rowNumber, values);
    }

    private int readCsv(byte[] content, @Nullable String contentType, RowSink sink) {
        Charset charset = charset(content, contentType);
        int[] dataRows = {0};
        int offset = charset.equals(StandardCharsets.UTF_8) && content.length >= 3 && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset), charset);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            String[] fields = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                int rowNumber = (int) record.getRecordNumber();
                ImportLimits.checkRow(rowNumber, cells);
                if (fields == null) {
                    if (!blank(cells)) {
                        fields = header(cells);
                    }
                    continue;
                }
                row(fields, rowNumber, cells, dataRows, sink);
            }
            if (fields == null) {
                throw Problems.invalidField("file", "is empty");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw malformed("The CSV file could not be read: " + e.getMessage());
        }
        return dataRows[0];
    }

    private int readXlsx(byte[] content, RowSink sink) {
        int[] dataRows = {0};
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            String[][] fields = {null};
            int[] sheetRows = {0};
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                rows.forEach(r -> {
                    List<String> cells = new ArrayList<>(r.getCellCount());
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(r.hasCell(i) ? r.getCellText(i) : null);
                    }
                    ImportLimits.checkRow(++sheetRows[0], cells);
                    if (fields[0] == null) {
                        if (blank(cells)) {
                            return;
                        }
                        fields[0] = header(cells);
                        return;
                    }
                    row(fields[0], r.getRowNum(), cells, dataRows, sink);
                });
            }
            if (fields[0] == null) {
                throw Problems.invalidField("file", "is empty");
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed("The .xlsx file could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ThrowableProblem) {
                throw e;
            }
            throw malformed("The .xlsx file could not be read: " + e);
        }
        return dataRows[0];
    }

    static boolean isXlsx(byte[] content, @Nullable String contentType, @Nullable String fileName) {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        boolean declared = contentType != null && contentType.startsWith(XLSX)
                || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        if (declared && !zip) {
            throw malformed("The file is declared as .xlsx but is not an Office Open XML workbook");
        }
        return zip;
    }

    /** The declared charset; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-31J (Excel's Shift_JIS). */
    private static Charset charset(byte[] content, @Nullable String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        throw Problems.invalidField("Content-Type", "names an unknown charset");
                    }
                }
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-31j");
        }
    }

    static ThrowableProblem tooLarge(long size) {
        return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "import-too-large", "Content Too Large",
                "An import file may be at most " + MAX_BYTES / (1024 * 1024) + " MB; this one has " + size + " bytes");
    }

    private static ThrowableProblem malformed(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "import-malformed", "Bad Request", detail);
    }

    private static ThrowableProblem rejected(List<RowError> errors, int total, int rows) {
        return Problems.withViolations(HttpStatus.BAD_REQUEST, "import-rejected", "Bad Request",
                total + " error(s) in " + (rows == 0 ? "the header" : rows + " data rows") + "; nothing was imported"
                        + (total > errors.size() ? " (first " + errors.size() + " listed)" : ""),
                errors.stream().map(e -> new Problems.FieldError(e.field(), e.message(), e.row())).toList(), total);
    }
}
