package org.cityos.spatial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.DivisionImports;
import org.cityos.spatial.DivisionRow;

/**
 * Reads division rows from CSV (UTF-8, optional BOM) or Excel (.xlsx). Headers may be English
 * ({@code code,name,kind}) or Chinese ({@code 代码,名称,类型}); other columns are ignored.
 */
public final class DivisionFiles {
    private static final Map<String, String> HEADERS = Map.of(
            "code", "code", "代码", "code", "区划代码", "code", "name", "name", "名称", "name", "kind", "kind", "类型", "kind");

    private DivisionFiles() {}

    public static List<DivisionRow> read(InputStream in, String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                return readExcel(in);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
                return readCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("file", "problem.unreadable-file", String.valueOf(e.getMessage()));
        }
        throw InvalidInput.of("file", "problem.unsupported-file-type", filename);
    }

    static List<DivisionRow> readCsv(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<DivisionRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                limit(rows.size());
                rows.add(new DivisionRow(
                        rows.size() + 1,
                        value(record, columns.get("code")),
                        value(record, columns.get("name")),
                        value(record, columns.get("kind"))));
            }
        }
        return rows;
    }

    private static String value(CSVRecord record, String header) {
        return record.isSet(header) ? record.get(header) : null;
    }

    static List<DivisionRow> readExcel(InputStream in) throws IOException {
        List<DivisionRow> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw InvalidInput.of("file", "problem.missing-header", "code,name,kind");
            }
            List<String> names = new ArrayList<>();
            header.forEach(cell -> names.add(formatter.formatCellValue(cell)));
            Map<String, String> columns = columns(names);
            Map<String, Integer> index = new HashMap<>();
            columns.forEach((field, col) -> index.put(field, names.indexOf(col)));
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                limit(rows.size());
                rows.add(new DivisionRow(
                        r - sheet.getFirstRowNum(),
                        formatter
                                .formatCellValue(row.getCell(index.get("code")))
                                .trim(),
                        formatter
                                .formatCellValue(row.getCell(index.get("name")))
                                .trim(),
                        formatter
                                .formatCellValue(row.getCell(index.get("kind")))
                                .trim()));
            }
        }
        return rows;
    }

    private static Map<String, String> columns(List<String> headerNames) {
        Map<String, String> columns = new HashMap<>();
        for (String h : headerNames) {
            String field = HEADERS.get(h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
            if (field != null) {
                columns.putIfAbsent(field, h);
            }
        }
        if (columns.size() < 3) {
            throw InvalidInput.of("file", "problem.missing-header", "code,name,kind");
        }
        return columns;
    }

    private static void limit(int count) {
        if (count >= DivisionImports.MAX_ROWS) {
            throw InvalidInput.of("file", "problem.too-many-rows", DivisionImports.MAX_ROWS);
        }
    }
}
