package org.cityos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private static final Machine MACHINE =
            new Machine(2, "AMD EPYC", 24L * 1024 * 1024, "Java 17.0.15+6 (OpenJDK 64-Bit Server VM)", "Debian 12");

    @Test
    void rendersOneLinePerRowWithRatioDateAndMachine() {
        Row row = new Row("login", 40, "logins/s", "bcrypt (checks/s)", 50, "p50 80 ms, p99 120 ms");

        String table = ResultsTable.markdown(List.of(row), "2026-11-24", MACHINE);

        assertThat(table.lines().toList())
                .startsWith(ResultsTable.HEADER, ResultsTable.RULE)
                .contains("| login | 40 | logins/s | bcrypt (checks/s) | 50 | 0.8× | p50 80 ms, p99 120 ms | 2026-11-24"
                        + " | 2× AMD EPYC, 24.0 GiB, Java 17.0.15+6 |")
                .contains("Machine: 2 cores, AMD EPYC, 24.0 GiB RAM, Java 17.0.15+6 (OpenJDK 64-Bit Server VM),"
                        + " Debian 12");
    }

    @Test
    void cellsNeverBreakTheTable() {
        Row row = new Row("a | b", Double.NaN, "", "x\ny", Double.NaN, "CRASHED: boom");

        String line = ResultsTable.markdown(List.of(row), "d", MACHINE)
                .lines()
                .toList()
                .get(2);

        assertThat(line).startsWith("| a \\| b | — | — | x y | — | — | CRASHED: boom |");
    }

    @Test
    void rewriteReplacesOnlyWhatIsBetweenTheMarkers() {
        String readme =
                "# Title\nprose\n" + ResultsTable.START + "\nold table\nold machine\n" + ResultsTable.END + "\nafter\n";

        String rewritten = ResultsTable.rewrite(readme, "| new |\n");

        assertThat(rewritten)
                .isEqualTo("# Title\nprose\n" + ResultsTable.START + "\n| new |\n" + ResultsTable.END + "\nafter\n");
        assertThat(ResultsTable.rewrite(rewritten, "| new |\n")).isEqualTo(rewritten);
    }

    @Test
    void rewriteAddsTheMissingLineBreak() {
        String readme = ResultsTable.START + ResultsTable.END;

        assertThat(ResultsTable.rewrite(readme, "t")).isEqualTo(ResultsTable.START + "\nt\n" + ResultsTable.END);
    }

    @Test
    void rewriteRefusesMissingOrMisorderedMarkers() {
        assertThatThrownBy(() -> ResultsTable.rewrite("no markers", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultsTable.rewrite(ResultsTable.END + ResultsTable.START, "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultsTable.rewrite(
                        ResultsTable.START + ResultsTable.END + ResultsTable.START + ResultsTable.END, "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratioIsFigureOverBaselineAndMissingWithoutOne() {
        assertThat(new Row("s", 10, "u", "b", 4, "").ratio()).isEqualTo(2.5);
        assertThat(new Row("s", 10, "u", "b", 0, "").ratio()).isNaN();
        assertThat(Row.crashed("s", new IllegalStateException("first\nsecond")).notes())
                .isEqualTo("CRASHED: first");
    }
}
