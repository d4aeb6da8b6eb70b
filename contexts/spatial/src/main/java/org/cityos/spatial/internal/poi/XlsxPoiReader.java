package org.cityos.spatial.internal.poi;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.spatial.PoiProblems.UnreadablePoiFile;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Excel .xlsx read with POI's event (SAX) API: the first sheet is parsed as a stream of cells, so a
 * 50 MB workbook never becomes a DOM in the heap. The first non-empty row is the header.
 */
final class XlsxPoiReader implements PoiFileReader {

    @Override
    public void check(Path file) {
        try {
            parse(file, true, (row, headers, fields, cells) -> {});
            throw new UnreadablePoiFile("no header row");
        } catch (HeaderSeen seen) {
            // the header exists and has the required columns
        } catch (DomainProblem p) {
            throw p;
        } catch (Exception e) {
            throw new UnreadablePoiFile("not an Excel .xlsx workbook");
        }
    }

    @Override
    public void read(Path file, PoiRowSink sink) {
        int[] rows = {0};
        try {
            parse(file, false, (row, headers, fields, cells) -> {
                rows[0]++;
                sink.accept(PoiColumns.row(rows[0], headers, fields, cells));
            });
        } catch (DomainProblem p) {
            throw p;
        } catch (Exception e) {
            throw new Broken(rows[0], String.valueOf(e.getMessage()), e);
        }
    }

    private interface Rows {
        void row(int number, List<String> headers, List<String> fields, List<String> cells);
    }

    private static void parse(Path file, boolean headerOnly, Rows rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadablePoiFile("no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(),
                        null,
                        strings,
                        new Handler(rows, headerOnly),
                        new DataFormatter(),
                        false));
                xml.parse(new InputSource(sheet));
            }
        }
    }

    /** Collects the cells of one row at a time; gaps (empty cells) stay empty strings. */
    private static final class Handler implements SheetContentsHandler {
        private final Rows rows;
        private List<String> headers;
        private List<String> fields;
        private final boolean headerOnly;
        private List<String> cells = new ArrayList<>();

        Handler(Rows rows, boolean headerOnly) {
            this.rows = rows;
            this.headerOnly = headerOnly;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (headers == null) {
                headers = List.copyOf(cells);
                fields = PoiColumns.map(headers);
                if (headerOnly) {
                    throw new HeaderSeen();
                }
                return;
            }
            rows.row(rowNum + 1, headers, fields, cells);
        }
    }

    /** Stops the SAX parse once the header is known. */
    private static final class HeaderSeen extends RuntimeException {
        HeaderSeen() {
            super(null, null, false, false);
        }
    }
}
