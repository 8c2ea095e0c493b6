package jp.ceptoarhub.members;

import io.micronaut.http.HttpStatus;
import jp.ceptoarhub.api.Problems;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import org.zalando.problem.ThrowableProblem;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;

/**
 * The limits of a bulk-import file beyond its 5 MB, checked while streaming and before anything else reads it, so
 * that a small file cannot make the service inflate, hold or loop over far more than a real import needs (a 155 KB
 * .xlsx can hold one 150 MiB cell, or a million blank rows): at most {@link #MAX_FILE_ROWS} rows counting blank
 * ones, {@link #MAX_COLUMNS} columns and {@link #MAX_CELL_CHARS} characters a cell (Excel's own limit); an .xlsx
 * at most {@link #MAX_ENTRIES} parts that inflate to at most {@link #MAX_INFLATED_BYTES} together.
 *
 * <p>{@link #checkXlsx} reads the workbook's zip through the same central directory as the .xlsx reader
 * (commons-compress), inflates every part into a counter and runs every XML part through a SAX scan that counts
 * {@code <row>} and {@code <c>} elements and the characters of each cell ({@code <c>}) and shared string
 * ({@code <si>}), stopping at the first limit crossed. Parts that are XML must be well-formed and carry no DTD. The
 * CSV reader applies the row, column and cell limits itself through {@link #checkRow}.
 */
final class ImportLimits {
    static final int MAX_FILE_ROWS = 2 * MemberImportService.MAX_ROWS;
    static final int MAX_COLUMNS = 256;
    static final int MAX_CELL_CHARS = 32_767;
    static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;

    private ImportLimits() {
    }

    /**
     * Refuses (413) a workbook beyond the limits, or (400) one with a part that cannot be inflated or an XML part
     * that is not well-formed. A file that is no zip at all is left to the reader, which reports it.
     */
    static void checkXlsx(byte[] content) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        String part = null;
        try (zip) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw tooLarge("import-too-large", "An .xlsx import may have at most " + MAX_ENTRIES
                        + " parts; this one has " + entries.size());
            }
            long[] inflated = {0};
            for (ZipArchiveEntry entry : entries) {
                part = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = new BufferedInputStream(new Counted(zip.getInputStream(entry), inflated))) {
                    if (isXml(in)) {
                        scan(in, part);
                    }
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException e) {
            throw malformed("part " + part + " cannot be inflated (" + e.getMessage() + ")");
        }
    }

    /** Refuses (413) the {@code rowNumber}-th row of a file (blank rows count) when it crosses a limit. */
    static void checkRow(int rowNumber, List<String> cells) {
        if (rowNumber > MAX_FILE_ROWS) {
            throw tooManyRows();
        }
        if (cells.size() > MAX_COLUMNS) {
            throw tooManyColumns();
        }
        for (String c : cells) {
            if (c != null && c.length() > MAX_CELL_CHARS) {
                throw cellTooLarge();
            }
        }
    }

    private static void scan(InputStream in, String part) throws IOException {
        try {
            SAXParser parser = saxFactory().newSAXParser();
            parser.parse(new NonClosing(in), new Scan());
        } catch (SAXException e) {
            if (e.getException() instanceof ThrowableProblem p) {
                throw p;
            }
            throw malformed("part " + part + " is not well-formed XML without a DTD");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SpreadsheetML parts begin with '<' after an optional BOM and white space (UTF-8 or UTF-16). */
    private static boolean isXml(InputStream in) throws IOException {
        in.mark(64);
        byte[] head = in.readNBytes(64);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        } else if (head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) {
            return true;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<' || i + 1 < head.length && head[i] == 0 && head[i + 1] == '<';
    }

    /** A factory per scan: SAXParserFactory is not specified to be thread-safe. */
    private static SAXParserFactory saxFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts rows, the cells of a row and the characters of a cell or shared string in one XML part. */
    private static final class Scan extends DefaultHandler {
        private int rows;
        private int cellsInRow;
        private int cellDepth;
        private long chars;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    if (++rows > MAX_FILE_ROWS) {
                        throw tooManyRows();
                    }
                    cellsInRow = 0;
                }
                case "c" -> {
                    if (++cellsInRow > MAX_COLUMNS || column(attributes.getValue("r")) > MAX_COLUMNS) {
                        throw tooManyColumns();
                    }
                    enterCell();
                }
                case "si" -> enterCell();
                default -> {
                }
            }
        }

        private void enterCell() {
            if (cellDepth++ == 0) {
                chars = 0;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if ((localName.equals("c") || localName.equals("si")) && cellDepth > 0) {
                cellDepth--;
            }
        }

        /** Text outside cells (white space between elements) is only counted by the inflated size. */
        @Override
        public void characters(char[] ch, int start, int length) {
            if (cellDepth > 0) {
                chars += length;
                if (chars > MAX_CELL_CHARS) {
                    throw cellTooLarge();
                }
            }
        }

        /** The 1-based column of a cell reference such as {@code AB12}; 0 without one. */
        private static int column(String ref) {
            if (ref == null) {
                return 0;
            }
            int col = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                if (col > MAX_COLUMNS) {
                    return col;
                }
            }
            return col;
        }
    }

    /** Counts inflated bytes across every part and refuses the file as soon as the total crosses the limit. */
    private static final class Counted extends FilterInputStream {
        private final long[] total;

        Counted(InputStream in, long[] total) {
            super(in);
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            total[0] += n;
            if (total[0] > MAX_INFLATED_BYTES) {
                throw tooLarge("import-too-large", "An .xlsx import may inflate to at most "
                        + MAX_INFLATED_BYTES / (1024 * 1024) + " MiB; this one inflates to more");
            }
        }
    }

    /** The SAX parser closes its input at the end of the document; the part is still drained to count it. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    static ThrowableProblem tooManyRows() {
        return tooLarge("import-too-many-rows", "An import may have at most " + MAX_FILE_ROWS
                + " rows, blank ones included, and " + MemberImportService.MAX_ROWS + " data rows; split the file");
    }

    private static ThrowableProblem tooManyColumns() {
        return tooLarge("import-too-many-columns", "An import may have at most " + MAX_COLUMNS + " columns");
    }

    private static ThrowableProblem cellTooLarge() {
        return tooLarge("import-cell-too-large", "A cell of an import may hold at most " + MAX_CELL_CHARS
                + " characters (Excel's own limit)");
    }

    private static ThrowableProblem malformed(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "import-malformed", "Bad Request",
                "The .xlsx file could not be read: " + detail);
    }

    private static ThrowableProblem tooLarge(String type, String detail) {
        return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, type, "Content Too Large", detail);
    }
}
