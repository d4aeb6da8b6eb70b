package org.cityos.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results as a Markdown table, and the README rewrite that replaces only what lies between the
 * {@value #START} and {@value #END} markers, so the prose around the table is never touched.
 */
public final class ResultsTable {
    public static final String START = "<!-- results:start -->";
    public static final String END = "<!-- results:end -->";
    static final String HEADER =
            "| scenario | figure | unit | baseline | baseline figure | ratio | notes | date | machine |";
    static final String RULE = "|---|--:|---|---|--:|--:|---|---|---|";

    private ResultsTable() {}

    /** The table (header, one line per row) followed by the full machine line. */
    public static String markdown(List<Row> rows, String date, Machine machine) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
        for (Row r : rows) {
            sb.append("| ")
                    .append(cell(r.scenario()))
                    .append(" | ")
                    .append(Numbers.figure(r.figure()))
                    .append(" | ")
                    .append(cell(r.unit()))
                    .append(" | ")
                    .append(cell(r.baseline()))
                    .append(" | ")
                    .append(Numbers.figure(r.baselineFigure()))
                    .append(" | ")
                    .append(Numbers.ratio(r.ratio()))
                    .append(" | ")
                    .append(cell(r.notes()))
                    .append(" | ")
                    .append(cell(date))
                    .append(" | ")
                    .append(cell(machine.label()))
                    .append(" |\n");
        }
        return sb.append('\n')
                .append("Machine: ")
                .append(machine.line())
                .append('\n')
                .toString();
    }

    /**
     * {@code readme} with everything between the markers replaced by {@code table}; the markers stay.
     *
     * @throws IllegalArgumentException when the markers are missing, repeated or out of order
     */
    public static String rewrite(String readme, String table) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < 0 || end < start) {
            throw new IllegalArgumentException("README must contain " + START + " followed by " + END);
        }
        if (readme.indexOf(START, start + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("README must contain the results markers exactly once");
        }
        String body = table.endsWith("\n") ? table : table + "\n";
        return readme.substring(0, start + START.length()) + "\n" + body + readme.substring(end);
    }

    /**
     * {@code readme} with the rows of {@code table} merged into the table between the markers: the rows
     * of a scenario the new table has are replaced (all of them, where it was shown against several
     * baselines) at the place of the first, scenarios it lacks are kept, new ones are appended, and the
     * machine line becomes the new one. For a run of some benchmarks only.
     */
    public static String merge(String readme, String table) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < 0 || end < start) {
            throw new IllegalArgumentException("README must contain " + START + " followed by " + END);
        }
        Map<String, List<String>> fresh = new LinkedHashMap<>();
        String machine = "";
        for (String line : table.lines().toList()) {
            if (isRow(line)) {
                fresh.computeIfAbsent(scenarioOf(line), k -> new ArrayList<>()).add(line);
            } else if (line.startsWith("Machine:")) {
                machine = line;
            }
        }
        List<String> merged = new ArrayList<>(List.of(HEADER, RULE));
        Set<String> done = new HashSet<>();
        String oldMachine = "";
        for (String line : readme.substring(start + START.length(), end).lines().toList()) {
            if (isRow(line)) {
                String scenario = scenarioOf(line);
                if (fresh.containsKey(scenario) && done.add(scenario)) {
                    merged.addAll(fresh.get(scenario));
                } else if (!done.contains(scenario)) {
                    merged.add(line);
                }
            } else if (line.startsWith("Machine:")) {
                oldMachine = line;
            }
        }
        fresh.forEach((scenario, lines) -> {
            if (!done.contains(scenario)) {
                merged.addAll(lines);
            }
        });
        String body = String.join("\n", merged) + "\n\n" + (machine.isEmpty() ? oldMachine : machine) + "\n";
        return rewrite(readme, body);
    }

    private static boolean isRow(String line) {
        return line.startsWith("| ") && !line.equals(HEADER);
    }

    /** The first cell of a table line, as written (escaped pipes stay escaped). */
    static String scenarioOf(String line) {
        String[] cells = line.split("(?<!\\\\)\\|", 3);
        return cells.length > 1 ? cells[1].strip() : "";
    }

    /** A cell never breaks the table: pipes escaped, line breaks flattened, blanks shown as a dash. */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
