package org.cityos.casework.internal.categories;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.casework.CategoryProblems.UnreadableCategoryFile;

/**
 * A category file as rows of named cells: CSV (UTF-8, a BOM allowed) or an Excel .xlsx workbook's first sheet. The
 * first non-empty row is the header; columns are known by English or Chinese names. Category trees are small, so
 * the workbook is read whole.
 */
public final class CategoryFile {
    public static final String CODE = "code";
    public static final String PARENT = "parent";
    public static final String KIND = "kind";
    public static final String NAME = "name";
    public static final String NAME_EN = "name_en";
    public static final String ACTIVE = "active";
    public static final List<String> REQUIRED = List.of(CODE, KIND, NAME);

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("code", CODE),
            Map.entry("编码", CODE),
            Map.entry("代码", CODE),
            Map.entry("分类编码", CODE),
            Map.entry("parent", PARENT),
            Map.entry("parent_code", PARENT),
            Map.entry("parentcode", PARENT),
            Map.entry("上级编码", PARENT),
            Map.entry("父级编码", PARENT),
            Map.entry("kind", KIND),
            Map.entry("类型", KIND),
            Map.entry("name", NAME),
            Map.entry("名称", NAME),
            Map.entry("name_en", NAME_EN),
            Map.entry("nameen", NAME_EN),
            Map.entry("英文名称", NAME_EN),
            Map.entry("active", ACTIVE),
            Map.entry("启用", ACTIVE),
            Map.entry("是否启用", ACTIVE));

    /**
     * One data row.
     *
     * @param row the header is row 1 (in a workbook: the sheet's own row number)
     * @param numeric the columns whose cell Excel holds as a number (a code typed as 0101 turns into 101)
     */
    public record FileRow(int row, Map<String, String> cells, Set<String> numeric) {
        public String get(String column) {
            return CategoryRules.clean(cells.get(column));
        }
    }

    /** The columns found (canonical names, in file order) and the data rows. */
    public record Content(List<String> columns, int headerRow, List<FileRow> rows) {}

    private CategoryFile() {}

    public static Content read(InputStream in, String fileName) throws IOException {
        byte[] bytes = in.readAllBytes();
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx")) {
            if (!zip) {
                throw new UnreadableCategoryFile("not an Excel .xlsx workbook");
            }
            return xlsx(bytes);
        }
        return csv(bytes);
    }

    private static Content csv(byte[] bytes) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableCategoryFile("not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> columns = null;
        int headerRow = 0;
        List<FileRow> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setCommentMarker('#')
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(reader)) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                int line = (int) record.getRecordNumber();
                if (columns == null) {
                    columns = header(cells);
                    headerRow = line;
                    continue;
                }
                rows.add(new FileRow(line, cells(columns, cells), Set.of()));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new UnreadableCategoryFile("malformed CSV: " + e.getMessage());
        }
        if (columns == null) {
            throw new UnreadableCategoryFile("no header row");
        }
        return renumber(columns, headerRow, rows);
    }

    /** Records are renumbered so the header is row 1 and each record after it one more (comment lines do not count). */
    private static Content renumber(List<String> columns, int headerRow, List<FileRow> rows) {
        List<FileRow> out = new ArrayList<>();
        for (FileRow r : rows) {
            out.add(new FileRow(r.row() - headerRow + 1, r.cells(), r.numeric()));
        }
        return new Content(columns, 1, out);
    }

    private static Content xlsx(byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableCategoryFile("no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<String> columns = null;
            int headerRow = 0;
            List<FileRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                Set<Integer> numeric = new HashSet<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        numeric.add(c);
                    }
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(cells);
                    headerRow = row.getRowNum() + 1;
                    continue;
                }
                Set<String> numericColumns = new HashSet<>();
                for (int c : numeric) {
                    if (c < columns.size() && columns.get(c) != null) {
                        numericColumns.add(columns.get(c));
                    }
                }
                rows.add(new FileRow(row.getRowNum() + 1, cells(columns, cells), numericColumns));
            }
            if (columns == null) {
                throw new UnreadableCategoryFile("no header row");
            }
            return new Content(columns, headerRow, rows);
        } catch (UnreadableCategoryFile e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new UnreadableCategoryFile("not an Excel .xlsx workbook");
        }
    }

    /** Canonical column names; an unknown header stays null (its cells are ignored). */
    private static List<String> header(List<String> cells) {
        List<String> columns = new ArrayList<>();
        for (String cell : cells) {
            String key = cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            columns.add(ALIASES.get(key));
        }
        return columns;
    }

    private static Map<String, String> cells(List<String> columns, List<String> cells) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            if (columns.get(i) != null) {
                out.put(columns.get(i), cells.get(i));
            }
        }
        return out;
    }
}
