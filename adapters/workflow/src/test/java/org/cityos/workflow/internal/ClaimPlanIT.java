package org.cityos.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim query on a large table: 200,000 timers spread over 30 days (the benchmark has a million), some parked.
 * The query must walk the partial due index and stop after a batch, never scan the table.
 */
// One table for all tests (they only read it): filling 200,000 rows is most of the class's time.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimPlanIT {
    private static final int ROWS = 200_000;
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    private TestDatabase database;

    @BeforeAll
    void setUp() {
        database = TestDatabase.migrated(2, "classpath:db/migration/workflow");
        // Due every ~13 s over 30 days; every 1000th parked, as failures would leave them.
        database.jdbc()
                .sql("""
                        INSERT INTO workflow_timer (kind, subject, name, due_at, data, next_attempt_at, parked, revision)
                        SELECT 'casework.deadline', 'case-' || i, 'overdue',
                               CAST(:t0 AS timestamptz) + i * interval '12.96 seconds', '{}',
                               CAST(:t0 AS timestamptz) + i * interval '12.96 seconds', i % 1000 = 0,
                               nextval('workflow_timer_revision')
                        FROM generate_series(1, :rows) AS i
                        """)
                .param("t0", OffsetDateTime.ofInstant(T0, ZoneOffset.UTC))
                .param("rows", ROWS)
                .update();
        database.jdbc().sql("ANALYZE workflow_timer").update();
    }

    @AfterAll
    void tearDown() {
        database.close();
    }

    @Test
    void theClaimQueryWalksTheDueIndex() {
        // A day in: ~6,700 timers due, a batch of 200 claimed.
        String plan = explain(T0.plusSeconds(86_400));

        assertThat(plan).contains("workflow_timer_due_idx").doesNotContain("Seq Scan");
        assertThat(plan).contains("LockRows").contains("Limit");
    }

    @Test
    void theClaimQueryWalksTheDueIndexWhenEverythingIsOverdue() {
        // After an outage every timer is due: still an index walk stopped by the LIMIT, not a scan and a sort.
        String plan = explain(T0.plusSeconds(86_400L * 31));

        assertThat(plan)
                .contains("workflow_timer_due_idx")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void theClaimTakesTheOldestBatchInDueOrder() {
        TimerStore store = new TimerStore(database.jdbc());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));

        List<TimerStore.Claimed> claimed = tx.execute(s -> store.claim(T0.plusSeconds(86_400), 200));

        assertThat(claimed).hasSize(200);
        assertThat(claimed).extracting(TimerStore.Claimed::dueAt).isSorted();
        assertThat(claimed.get(0).key().subject()).isEqualTo("case-1");
    }

    private String explain(Instant now) {
        List<String> lines = database.jdbc()
                .sql("EXPLAIN " + TimerStore.CLAIM)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("limit", 200)
                .query(String.class)
                .list();
        return String.join("\n", lines);
    }
}
