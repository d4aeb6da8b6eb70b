package org.cityos.iot.internal.video;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.cityos.iot.VideoChannelProblems.ChannelFileTooLarge;
import org.cityos.iot.VideoChannelProblems.UnreadableChannelFile;
import org.cityos.iot.VideoChannelProblems.UnsupportedChannelFile;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * An uploaded channel list as a header and rows of texts, from CSV (UTF-8, BOM allowed) or the first
 * sheet of an Excel .xlsx workbook (read as a SAX stream, never a DOM). Blank rows are skipped but counted.
 *
 * @param rows each row's cells plus its number in the file's data rows (1 = first row after the header)
 */
public record ChannelSheet(List<String> headers, List<Row> rows) {
    public record Row(int number, List<String> cells) {}

    public static ChannelSheet read(byte[] content, String filename, int maxRows) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return csv(content, maxRows);
        }
        if (name.endsWith(".xlsx")) {
            return xlsx(content, maxRows);
        }
        throw new UnsupportedChannelFile(filename);
    }

    static ChannelSheet csv(byte[] content, int maxRows) {
        int skip = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        try (Reader reader = new InputStreamReader(
                        new ByteArrayInputStream(content, skip, content.length - skip), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableChannelFile("no header row");
            }
            List<String> headers = records.next().toList();
            List<Row> rows = new ArrayList<>();
            int n = 0;
            while (records.hasNext()) {
                n++;
                add(rows, new Row(n, records.next().toList()), maxRows);
            }
            return new ChannelSheet(headers, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableChannelFile("not a readable UTF-8 CSV file");
        }
    }

    static ChannelSheet xlsx(byte[] content, int maxRows) {
        List<List<String>> all = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(content);
                OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableChannelFile("no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(),
                        null,
                        new ReadOnlySharedStringsTable(pkg, false),
                        new Cells(all, maxRows + 2),
                        new DataFormatter(),
                        false));
                xml.parse(new InputSource(sheet));
            }
        } catch (ChannelFileTooLarge | UnreadableChannelFile e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableChannelFile("not an Excel .xlsx workbook");
        }
        if (all.isEmpty()) {
            throw new UnreadableChannelFile("no header row");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            add(rows, new Row(i, all.get(i)), maxRows);
        }
        return new ChannelSheet(all.get(0), rows);
    }

    private static void add(List<Row> rows, Row row, int maxRows) {
        if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (rows.size() >= maxRows) {
            throw new ChannelFileTooLarge(maxRows);
        }
        rows.add(row);
    }

    /** Collects cells by column letter so that empty cells keep their place. */
    private static final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> rows;
        private final int limit;
        private List<String> current;

        Cells(List<List<String>> rows, int limit) {
            this.rows = rows;
            this.limit = limit;
        }

        @Override
        public void startRow(int rowNum) {
            // Rows missing from the sheet XML are blank rows; keep numbering by the sheet's row numbers.
            while (rows.size() < rowNum) {
                rows.add(List.of());
            }
            if (rows.size() > limit) {
                throw new ChannelFileTooLarge(limit - 2);
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(current);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = new CellReference(ref).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }
    }
}
