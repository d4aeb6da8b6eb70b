package org.cityos.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cityos.catalog.CatalogProblems.CatalogImportRejected;
import org.cityos.catalog.CatalogProblems.UnreadableCatalogFile;
import org.cityos.catalog.EntryDraft.ItemDraft;
import org.cityos.kernel.DepartmentCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;

/**
 * Catalogue files: import of CSV or .xlsx (one entry per row, header row first) and export of a filtered list
 * in the same columns, so an export can be imported elsewhere. Data items go in one cell as
 * {@code name|中文名|TYPE|Y;…} (Y marks personal items). An import is all-or-nothing (ADR 0017): every row is
 * checked first and any error writes nothing.
 */
public class CatalogFiles {
    public static final List<String> COLUMNS = List.of(
            "code",
            "name",
            "providerDepartment",
            "summary",
            "format",
            "sharingType",
            "sharingCondition",
            "openType",
            "updateCycle",
            "releaseDate",
            "contactName",
            "contactPhone",
            "items");

    /** Where a row's spreadsheet row number is kept while it is checked (not a column). */
    private static final String ROW = "#row";

    private final Catalog catalog;
    private final int maxRows;

    CatalogFiles(Catalog catalog, int maxRows) {
        this.catalog = catalog;
        this.maxRows = maxRows;
    }

    public ImportReport importFile(Actor actor, InputStream in, String fileName, boolean dryRun) throws IOException {
        actor.require(Permission.CATALOG_WRITE);
        List<Map<String, String>> rows = read(in.readAllBytes(), fileName);
        if (rows.size() > maxRows) {
            throw new UnreadableCatalogFile("more than " + maxRows + " rows");
        }
        List<FieldIssue> issues = new ArrayList<>();
        List<EntryContent> valid = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String prefix = "rows[" + row.get(ROW) + "].";
            EntryDraft draft = draft(row, prefix, issues);
            EntryContent content = catalog.check(draft, prefix, issues);
            if (content == null) {
                continue;
            }
            String code = content.code().value();
            if (!codes.add(code)) {
                issues.add(new FieldIssue(prefix + "code", "catalog.validation.code-repeated", code));
            } else if (catalog.exists(code)) {
                issues.add(new FieldIssue(prefix + "code", "catalog.validation.code-taken", code));
            } else if (!actor.coversDepartment(DepartmentCode.of(content.providerDepartment()))) {
                issues.add(new FieldIssue(
                        prefix + "providerDepartment",
                        "catalog.validation.department-out-of-scope",
                        content.providerDepartment()));
            } else {
                valid.add(content);
            }
        }
        if (!issues.isEmpty()) {
            if (dryRun) {
                return new ImportReport(rows.size(), 0, true, issues);
            }
            throw new CatalogImportRejected(issues, issues.size());
        }
        if (dryRun) {
            return new ImportReport(rows.size(), 0, true, List.of());
        }
        String reason = "imported from " + (fileName == null ? "a file" : fileName);
        return new ImportReport(
                rows.size(), catalog.createAll(actor, valid, reason).size(), false, List.of());
    }

    /** Writes the entries as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese) in {@link #COLUMNS}. */
    public static void writeCsv(List<CatalogEntry> entries, OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(COLUMNS);
            for (CatalogEntry e : entries) {
                csv.printRecord(cells(e));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue export interrupted", e);
        }
    }

    /** Writes the entries as an .xlsx workbook with one sheet in {@link #COLUMNS}. */
    public static void writeXlsx(List<CatalogEntry> entries, OutputStream out) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("catalog");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < entries.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = cells(entries.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue export interrupted", e);
        }
    }

    private static List<String> cells(CatalogEntry e) {
        String items = e.items().stream()
                .map(i -> String.join("|", i.name(), i.chineseName(), i.type().name(), i.personal() ? "Y" : "N"))
                .collect(Collectors.joining(";"));
        List<String> cells = new ArrayList<>();
        cells.add(e.code());
        cells.add(e.name());
        cells.add(e.providerDepartment());
        cells.add(e.summary());
        cells.add(e.format().label());
        cells.add(e.sharingType().label());
        cells.add(e.sharingCondition());
        cells.add(e.openType().label());
        cells.add(e.updateCycle().label());
        cells.add(e.releaseDate().toString());
        cells.add(e.contact().name());
        cells.add(e.contact().phone());
        cells.add(items);
        return cells;
    }

    private static EntryDraft draft(Map<String, String> row, String prefix, List<FieldIssue> issues) {
        return new EntryDraft(
                row.get("code"),
                row.get("name"),
                row.get("providerDepartment"),
                row.get("summary"),
                row.get("format"),
                row.get("sharingType"),
                row.get("sharingCondition"),
                row.get("openType"),
                row.get("updateCycle"),
                row.get("releaseDate"),
                row.get("contactName"),
                row.get("contactPhone"),
                items(row.get("items"), prefix, issues));
    }

    private static List<ItemDraft> items(String cell, String prefix, List<FieldIssue> issues) {
        List<ItemDraft> items = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return items;
        }
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.split("\\|", -1);
            if (f.length < 3 || f.length > 4) {
                issues.add(new FieldIssue(prefix + "items", "catalog.validation.items-cell"));
                return List.of(new ItemDraft(null, null, null, null));
            }
            boolean personal =
                    f.length == 4 && f[3].strip().toUpperCase(Locale.ROOT).matches("Y|YES|TRUE|是");
            items.add(new ItemDraft(f[0].strip(), f[1].strip(), f[2].strip(), personal));
        }
        return items;
    }

    private static List<Map<String, String>> read(byte[] bytes, String fileName) throws IOException {
        boolean xlsx = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") && !xlsx) {
            throw new UnreadableCatalogFile("not an .xlsx workbook");
        }
        return xlsx ? readXlsx(bytes) : readCsv(bytes);
    }

    private static List<Map<String, String>> readCsv(byte[] bytes) throws IOException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
        try (Reader reader = new InputStreamReader(
                new ByteArrayInputStream(bytes, skip, bytes.length - skip), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(reader).getRecords();
            List<List<String>> table = new ArrayList<>();
            for (CSVRecord r : records) {
                table.add(r.toList());
            }
            return rows(table);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableCatalogFile("malformed CSV: " + e.getMessage());
        }
    }

    private static List<Map<String, String>> readXlsx(byte[] bytes) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                table.add(cells);
            }
            return rows(table);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableCatalogFile u) {
                throw u;
            }
            throw new UnreadableCatalogFile("not a readable .xlsx workbook");
        }
    }

    private static List<Map<String, String>> rows(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new UnreadableCatalogFile("no header row");
        }
        List<String> header = table.get(0).stream().map(String::strip).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableCatalogFile("missing columns " + missing);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // trailing empty lines and spreadsheet rows are not entries
            }
            Map<String, String> row = new HashMap<>();
            row.put(ROW, String.valueOf(r + 1));
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c).isBlank() ? null : cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }
}
