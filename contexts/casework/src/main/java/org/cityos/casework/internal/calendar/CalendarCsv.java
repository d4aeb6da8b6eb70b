package org.cityos.casework.internal.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cityos.casework.CalendarImportRow;
import org.cityos.kernel.problem.FieldIssue;

/**
 * Reads a calendar CSV ({@code date,kind,name}, an optional header line, cells optionally in double quotes) into
 * rows numbered by line, so errors point at the line an administrator sees in an editor. A line without exactly
 * three cells is an issue of its own (most often a name with an unquoted comma) and is not made a row.
 */
public final class CalendarCsv {
    private CalendarCsv() {}

    /** The rows read, and the lines that could not be read as rows. */
    public record Read(List<CalendarImportRow> rows, List<FieldIssue> issues) {}

    public static Read read(String text) {
        List<CalendarImportRow> rows = new ArrayList<>();
        List<FieldIssue> issues = new ArrayList<>();
        String[] lines = (text == null ? "" : text).replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()
                    || (i == 0 && line.strip().toLowerCase(Locale.ROOT).startsWith("date"))) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 3) {
                issues.add(new FieldIssue("rows[" + (i + 1) + "]", "casework.calendar.columns", cells.size()));
            } else {
                rows.add(new CalendarImportRow(i + 1, cells.get(0), cells.get(1), cells.get(2)));
            }
        }
        return new Read(rows, issues);
    }

    static List<String> cells(String line) {
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
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
