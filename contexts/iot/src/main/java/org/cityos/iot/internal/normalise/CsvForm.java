package org.cityos.iot.internal.normalise;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cityos.iot.PayloadMapping;

/**
 * Lines of delimited values, one sample per line. Columns are named by the mapping or by a header line;
 * a column named by the mapping's timestamp path, or else {@code ts}, {@code time} or {@code timestamp},
 * is the time. A mapping rule whose path is a column name renames, scales and converts that column.
 */
final class CsvForm {
    private CsvForm() {}

    static void read(
            byte[] payload,
            PayloadMapping.Csv csv,
            CompiledMapping mapping,
            TypeVocabulary vocabulary,
            ReadingBuffer out) {
        String text = new String(payload, StandardCharsets.UTF_8);
        char delimiter = csv.delimiter().charAt(0);
        List<String> columns = csv.columns();
        boolean first = true;
        int start = 0;
        int lineNumber = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line, delimiter, lineNumber);
            if (first && csv.header()) {
                columns = cells.stream().map(String::strip).toList();
                first = false;
                continue;
            }
            first = false;
            if (cells.size() != columns.size()) {
                throw new PayloadProblem(
                        "line " + lineNumber + ": " + cells.size() + " values for " + columns.size() + " columns");
            }
            line(columns, cells, mapping, vocabulary, out);
        }
    }

    private static void line(
            List<String> columns,
            List<String> cells,
            CompiledMapping mapping,
            TypeVocabulary vocabulary,
            ReadingBuffer out) {
        Instant at = out.receivedAt();
        int timeColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (mapping.timeColumn != null ? c.equals(mapping.timeColumn) : timeName(c)) {
                timeColumn = i;
                if (!cells.get(i).isBlank()) {
                    at = mapping.time.read(cells.get(i));
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i == timeColumn) {
                continue;
            }
            String column = columns.get(i);
            CompiledMapping.Step step = mapping.byColumn(column);
            String value = cells.get(i).strip();
            if (step != null) {
                out.addText(step.slot(), step.slot().name(), value, at, step.conversion());
            } else {
                out.addText(vocabulary.byName(column), column, value, at, Conversion.IDENTITY);
            }
        }
    }

    private static boolean timeName(String column) {
        return column.equals("ts") || column.equals("time") || column.equals("timestamp");
    }

    /** Splits one line; a cell in double quotes may hold the delimiter, and {@code ""} inside it is one quote. */
    static List<String> cells(String line, char delimiter, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new PayloadProblem("line " + lineNumber + ": a quote is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
