package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.ScenarioDatabase;
import org.cityos.casework.Categories;
import org.cityos.casework.RateDimension;
import org.cityos.casework.RateFormula;
import org.cityos.casework.RatePeriod;
import org.cityos.casework.RateRow;
import org.cityos.casework.Rates;
import org.cityos.casework.internal.UnitLabels;
import org.cityos.casework.persistence.RateRepository;
import org.cityos.casework.persistence.ReportRepository;
import org.cityos.identity.Departments;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.spatial.Divisions;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rates (三率) league tables over a month of at least 100,000 dispatched cases (and the month before, as much
 * again), by unit, town and category: each table is one aggregate query over the month. Figure: p99 of a table
 * (goal ≤ 1 s); baseline: a plain count of the same month's cases, the least any answer must read.
 */
public final class RatesScenario {
    private RatesScenario() {}

    public static List<Row> run(Mode mode, Path work) throws Exception {
        int perMonth = mode.isFull() ? 110_000 : 10_000;
        int rounds = mode.isFull() ? 20 : 3;
        HikariDataSource db = ScenarioDatabase.start(work, "rates-postgres", "classpath:db/migration", 4);
        JdbcClient jdbc = JdbcClient.create(db);
        // Two months (October and November, Beijing) of cases: 40 units, 20 towns, 12 top-level categories, a mix
        // of signing times, follow-ups, ratings and approved appeals.
        jdbc.sql("INSERT INTO casework_case (id, number, channel, request_type, title, content, category_code,"
                        + " urgency, status, division_code, town_code, main_unit, received_at, dispatched_at,"
                        + " signed_at, response_due, solved, satisfaction, excluded_from_rates, updated_at)"
                        + " SELECT 'cas_' || lpad(g::text, 16, '0'), 'B' || g, 'HOTLINE', 'COMPLAINT', 't', 'c',"
                        + " 'H' || lpad((g % 12 + 1)::text, 2, '0') || '01', 'ROUTINE', 'CLOSED',"
                        + " '110115' || lpad((g % 20 + 1)::text, 3, '0') || '001',"
                        + " '110115' || lpad((g % 20 + 1)::text, 3, '0') || '000', 'dept:d' || (g % 40),"
                        + " d - interval '10 minutes', d, d + interval '30 minutes' * (g % 5), d + interval '2 hours',"
                        + " CASE WHEN g % 4 = 0 THEN NULL ELSE g % 7 <> 0 END,"
                        + " (ARRAY['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', NULL])[g % 4 + 1], g % 50 = 0, d"
                        + " FROM generate_series(1, ?) AS g, LATERAL (SELECT timestamptz '2026-09-30 16:00:00+00'"
                        + " + (g % 61) * interval '1 day' + (g % 86000) * interval '1 second' AS d) AS t")
                .param(perMonth * 2)
                .update();
        jdbc.sql("VACUUM ANALYZE casework_case").update();
        RatePeriod november = new RatePeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        long inMonth = jdbc.sql("SELECT count(*) FROM casework_case WHERE dispatched_at >= ? AND dispatched_at < ?")
                .params(Timestamp.from(november.start()), Timestamp.from(november.end()))
                .query(Long.class)
                .single();

        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        Rates rates = new Rates(
                new RateRepository(jdbc),
                new ReportRepository(jdbc),
                RateFormula.defaults(),
                new UnitLabels(
                        none.getBeanProvider(Departments.class),
                        none.getBeanProvider(Divisions.class),
                        none.getBeanProvider(Categories.class)),
                DivisionCode.of("110115000000"),
                new SimpleMeterRegistry());
        Actor centre = Actor.system("bench");
        Histogram tables = new Histogram(3);
        Histogram counts = new Histogram(3);
        int rows = 0;
        for (int round = 0; round <= rounds; round++) {
            for (RateDimension dimension : RateDimension.values()) {
                long start = System.nanoTime();
                List<RateRow> table = rates.table(centre, dimension, november);
                long micros = (System.nanoTime() - start) / 1000;
                if (round > 0) {
                    tables.recordValue(Math.max(1, micros));
                }
                rows = Math.max(rows, table.size());
            }
            long start = System.nanoTime();
            jdbc.sql("SELECT count(*) FROM casework_case WHERE dispatched_at >= ? AND dispatched_at < ?")
                    .params(Timestamp.from(november.start()), Timestamp.from(november.end()))
                    .query(Long.class)
                    .single();
            if (round > 0) {
                counts.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            }
        }
        return List.of(new Row(
                "casework rates: league table (三率, composite, rank) by unit / town / category over a month of "
                        + Numbers.figure(inMonth) + " dispatched cases, p99 of " + tables.getTotalCount() + " tables",
                tables.getValueAtPercentile(99) / 1000.0,
                "ms (p99, lower is better)",
                "plain count(*) of the month's cases, p99 (ms)",
                counts.getValueAtPercentile(99) / 1000.0,
                "tables " + Numbers.percentiles(tables) + "; count " + Numbers.percentiles(counts) + "; up to " + rows
                        + " rows a table; goal ≤ 1,000 ms; " + Numbers.figure(perMonth * 2L)
                        + " cases stored (two months)"));
    }
}
