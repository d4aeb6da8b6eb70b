package org.cityos.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cityos.casework.persistence.RateRepository;
import org.cityos.casework.persistence.RateRepository.Grouping;
import org.cityos.casework.persistence.ScopeFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sanity check, not a benchmark: a month of 100,000 dispatched cases (plus October's 100,000) answers a league
 * table in well under a second; a narrower period is read through the dispatch-time index.
 */
class RatesVolumeIT {
    private static final Logger log = LoggerFactory.getLogger(RatesVolumeIT.class);
    static final RatePeriod NOVEMBER = new RatePeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    static RatesFixture f;

    @BeforeAll
    static void seed() {
        f = new RatesFixture("2026-12-02T02:00:00Z");
        // 200,000 cases over October and November (Beijing), 40 units, 20 towns, 12 top-level categories.
        f.jdbc.sql("INSERT INTO casework_case (id, number, channel, request_type, title, content, category_code,"
                        + " urgency, status, division_code, town_code, main_unit, received_at, dispatched_at,"
                        + " signed_at, response_due, solved, satisfaction, excluded_from_rates, updated_at)"
                        + " SELECT 'cas_' || lpad(g::text, 16, '0'), 'V' || g, 'HOTLINE', 'COMPLAINT', 't', 'c',"
                        + " lpad((g % 12 + 1)::text, 2, '0') || '0101', 'ROUTINE', 'CLOSED',"
                        + " '110115' || lpad((g % 20 + 1)::text, 3, '0') || '001',"
                        + " '110115' || lpad((g % 20 + 1)::text, 3, '0') || '000', 'dept:d' || (g % 40),"
                        + " d - interval '10 minutes', d, d + interval '30 minutes' * (g % 5),"
                        + " d + interval '2 hours', CASE WHEN g % 4 = 0 THEN NULL ELSE g % 7 <> 0 END,"
                        + " (ARRAY['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', NULL])[g % 4 + 1],"
                        + " g % 50 = 0, d"
                        + " FROM generate_series(1, 200000) AS g,"
                        + " LATERAL (SELECT timestamptz '2026-09-30 16:00:00+00'"
                        + " + (g % 61) * interval '1 day' + (g % 86000) * interval '1 second' AS d) AS t")
                .update();
        f.jdbc.sql("VACUUM ANALYZE casework_case").update();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aMonthOfAHundredThousandCasesAnswersWithinASecond() {
        long november = f.count(
                "SELECT count(*) FROM casework_case WHERE dispatched_at >= ? AND dispatched_at < ?",
                java.sql.Timestamp.from(NOVEMBER.start()),
                java.sql.Timestamp.from(NOVEMBER.end()));
        assertThat(november).isGreaterThanOrEqualTo(97_000);

        f.rates.byUnit(RatesFixture.OPERATOR, NOVEMBER); // warm the connection and the plan cache
        for (RateDimension dimension : RateDimension.values()) {
            long start = System.nanoTime();
            List<RateRow> rows = f.rates.table(RatesFixture.OPERATOR, dimension, NOVEMBER);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("League table by {} over {} cases: {} rows in {} ms", dimension, november, rows.size(), millis);
            assertThat(rows).isNotEmpty();
            assertThat(rows.stream().mapToLong(RateRow::dispatched).sum()).isLessThanOrEqualTo(november);
            assertThat(millis).isLessThan(1000);
        }

        RateRepository repository = f.context.getBean(RateRepository.class);
        // Half the table: PostgreSQL may rightly scan it in parallel; what matters is the time it reports.
        String month = String.join(
                "\n",
                repository.explain(Grouping.UNIT, 2, NOVEMBER.start(), NOVEMBER.end(), ScopeFilter.everything(), true));
        log.info("Plan of a month:\n{}", month);
        Matcher time = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(month);
        assertThat(time.find()).isTrue();
        assertThat(Double.parseDouble(time.group(1))).isLessThan(1000);
        // A selective period (a week) is read through the index on the dispatch time.
        RatePeriod week = new RatePeriod(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));
        String weekPlan = String.join(
                "\n", repository.explain(Grouping.UNIT, 2, week.start(), week.end(), ScopeFilter.everything(), false));
        log.info("Plan of a week:\n{}", weekPlan);
        assertThat(weekPlan).contains("Index").contains("casework_case_dispatched");
    }
}
