package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run of some benchmarks only replaces their rows and keeps everything else in the table. */
class ResultsTableMergeTest {
    private static final Machine OLD =
            new Machine(2, "AMD EPYC", 24L * 1024 * 1024, "Java 17.0.14 (OpenJDK 64-Bit Server VM)", "Debian 12");
    private static final Machine NEW =
            new Machine(2, "AMD EPYC", 24L * 1024 * 1024, "Java 17.0.15 (OpenJDK 64-Bit Server VM)", "Debian 12");

    private static final String README = "# B\n" + ResultsTable.START + "\n"
            + ResultsTable.markdown(
                    List.of(
                            row("login", 4, "bcrypt"),
                            row("writes | audited", 600, "commits"),
                            row("writes | audited", 600, "fdatasync"),
                            row("geocoding", 1000, "parse")),
                    "2026-11-01",
                    OLD)
            + ResultsTable.END + "\nafter\n";

    @Test
    void replacesTheRowsOfScenariosRunAgainInPlaceAndKeepsTheOthers() {
        String table = ResultsTable.markdown(
                List.of(row("geocoding", 2000, "parse"), row("writes | audited", 700, "commits")), "2026-11-24", NEW);

        List<String> lines = ResultsTable.merge(README, table).lines().toList();

        assertThat(lines.stream()
                        .filter(l -> l.startsWith("| "))
                        .map(l -> l.split(" \\| ")[0] + " " + l.split(" \\| ")[1]))
                .containsExactly("| scenario figure", "| login 4", "| writes \\| audited 700", "| geocoding 2,000");
        assertThat(lines).contains("after").anyMatch(l -> l.startsWith("Machine:") && l.contains("17.0.15"));
        assertThat(lines).noneMatch(l -> l.contains("17.0.14 (OpenJDK"));
    }

    @Test
    void appendsScenariosTheTableDidNotHaveAndMergingTwiceChangesNothing() {
        String table = ResultsTable.markdown(List.of(row("point→grid", 250_000, "scan")), "2026-11-24", NEW);

        String once = ResultsTable.merge(README, table);

        List<String> rows = once.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(6).last().asString().startsWith("| point→grid | 250,000 |");
        assertThat(ResultsTable.merge(once, table)).isEqualTo(once);
    }

    private static Row row(String scenario, double figure, String baseline) {
        return new Row(scenario, figure, "ops/s", baseline, figure / 2, "");
    }
}
