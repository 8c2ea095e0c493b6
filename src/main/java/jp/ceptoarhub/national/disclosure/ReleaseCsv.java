package jp.ceptoarhub.national.disclosure;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The release as one CSV for Excel: UTF-8 with a byte-order mark, CRLF, one line per published number. A suppressed
 * number has empty count and percent and {@code suppressed} = true; nothing else distinguishes it.
 * Columns: table, row, row_kind, row_label_ja, row_label_en, item_kind (respondents, option, headline; units,
 * members, sectors, other_items for concentration tables), item, item_label_ja, item_label_en, count, percent,
 * suppressed.
 */
final class ReleaseCsv {
    static final String[] HEADER = {"table", "row", "row_kind", "row_label_ja", "row_label_en", "item_kind", "item",
            "item_label_ja", "item_label_en", "count", "percent", "suppressed"};

    private ReleaseCsv() {
    }

    static byte[] render(Release release) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            for (Release.TableRelease t : release.tables()) {
                QuestionTable q = t.question();
                for (Release.RowRelease r : t.rows()) {
                    line(csv, q.id(), r, "respondents", "", "", "", r.respondents(), null);
                    for (int i = 0; i < r.options().size(); i++) {
                        QuestionTable.Option o = q.options().get(i);
                        line(csv, q.id(), r, "option", o.id(), o.labelJa(), o.labelEn(), r.options().get(i),
                                r.respondents());
                    }
                    for (int i = 0; i < q.headlines().size(); i++) {
                        QuestionTable.Headline h = q.headlines().get(i);
                        line(csv, q.id(), r, "headline", h.id(), h.labelJa(), h.labelEn(), r.headlines().get(i),
                                r.respondents());
                    }
                }
            }
            for (Release.ConcentrationRelease c : release.concentration()) {
                for (Release.NamedItem i : c.items()) {
                    item(csv, c.tableId(), i, "units", i.units());
                    item(csv, c.tableId(), i, "members", i.members());
                    item(csv, c.tableId(), i, "sectors", i.sectors());
                }
                csv.printRecord(c.tableId(), "OTHER", "OTHER", c.otherLabelJa(), c.otherLabelEn(), "other_items", "",
                        "", "", c.otherItems(), "", "false");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void line(CSVPrinter csv, String table, Release.RowRelease r, String kind, String item,
                             String labelJa, String labelEn, Release.Count count, Release.Count denominator)
            throws IOException {
        BigDecimal percent = denominator == null ? null : ReleaseJson.percent(count, denominator);
        csv.printRecord(table, r.rowId(), r.kind(), r.labelJa(), r.labelEn(), kind, item, labelJa, labelEn,
                count.suppressed() ? "" : count.value(), percent == null ? "" : percent.toPlainString(),
                count.suppressed());
    }

    private static void item(CSVPrinter csv, String table, Release.NamedItem i, String kind, Release.Count count)
            throws IOException {
        csv.printRecord(table, i.itemId(), "ITEM", i.label(), i.label(), kind, "", "", "",
                count.suppressed() ? "" : count.value(), "", count.suppressed());
    }
}
