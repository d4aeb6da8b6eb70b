package org.cityos.catalog.quality;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cityos.catalog.quality.QualityProblems.UnreadableRows;

/** Reads an uploaded CSV (header row of field names, UTF-8, optional BOM) into rows of text values. */
final class ImportedRows {
    private ImportedRows() {}

    static List<Map<String, String>> read(byte[] bytes, int maxRows) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
        List<CSVRecord> records;
        try (Reader reader = new InputStreamReader(
                new ByteArrayInputStream(bytes, skip, bytes.length - skip), StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.parse(reader).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableRows("malformed CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new UnreadableRows("no header row");
        }
        List<String> header = records.get(0).toList().stream().map(String::trim).toList();
        if (header.stream().anyMatch(String::isEmpty)
                || header.stream().distinct().count() != header.size()) {
            throw new UnreadableRows("the header needs distinct, non-empty field names");
        }
        if (records.size() - 1 > maxRows) {
            throw new UnreadableRows("more than " + maxRows + " rows");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < r.size() ? r.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }
}
