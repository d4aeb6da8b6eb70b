package org.cityos.iot.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/** Streams the data rows of a device file (CSV or Excel .xlsx) as column → text maps; nothing is held whole. */
public enum DeviceRows {
    CSV,
    XLSX;

    /** One data row; {@code number} counts data rows from 1. */
    public interface Sink {
        void row(int number, Map<String, String> cells);
    }

    public static Optional<DeviceRows> ofFilename(String filename) {
        String n = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (n.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    public void read(Path file, Sink sink) throws Exception {
        if (this == CSV) {
            readCsv(file, sink);
        } else {
            readXlsx(file, sink);
        }
    }

    private static void readCsv(Path file, Sink sink) throws IOException {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(skipBom(in))) {
            List<String> header = parser.getHeaderNames();
            int n = 0;
            for (CSVRecord r : parser) {
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size() && i < r.size(); i++) {
                    cells.put(header.get(i).strip().toLowerCase(Locale.ROOT), r.get(i));
                }
                sink.row(++n, cells);
            }
        }
    }

    private static Reader skipBom(Reader in) throws IOException {
        java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
        int first = p.read();
        if (first != -1 && first != '\uFEFF') {
            p.unread(first);
        }
        return p;
    }

    /** Reads the first sheet with POI's SAX event API: rows stream by without building the workbook. */
    private static void readXlsx(Path file, Sink sink) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, new RowCollector(sink), new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private final Map<Integer, String> header = new HashMap<>();
        private Map<String, String> cells;
        private boolean inHeader;
        private int n;

        RowCollector(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            inHeader = header.isEmpty();
            cells = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!inHeader && cells.values().stream().anyMatch(v -> !v.isBlank())) {
                sink.row(++n, cells);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(ref).getCol();
            if (inHeader) {
                header.put(column, value.strip().toLowerCase(Locale.ROOT));
            } else if (header.containsKey(column)) {
                cells.put(header.get(column), value.strip());
            }
        }
    }
}
