package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cityos.testkit.MutableClock;
import org.cityos.testkit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes (two Spring contexts, two pools) racing over the same due timers: each fires exactly once. */
class TwoNodesIT {
    private static final Logger log = LoggerFactory.getLogger(TwoNodesIT.class);
    private static final int TIMERS = 2_000;
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-25T08:00:00Z");
    private TestDatabase database;
    private HikariDataSource secondPool;
    private RecordingHandler handlerA;
    private RecordingHandler handlerB;
    private WorkflowNode nodeA;
    private WorkflowNode nodeB;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated(6, "classpath:db/migration/workflow");
        database.jdbc().sql(RecordingHandler.TABLE).update();
        secondPool = WorkflowNode.pool(database.url());
        // Small batches so that the nodes meet often; the runner threads are off, the test drives both nodes.
        WorkflowProperties properties =
                WorkflowProperties.defaults().withScheduled(false).withBatch(50);
        handlerA = new RecordingHandler("a", database.jdbc());
        handlerB = new RecordingHandler("b", JdbcClient.create(secondPool));
        nodeA = new WorkflowNode(database.dataSource(), clock, properties, List.of(handlerA));
        nodeB = new WorkflowNode(secondPool, clock, properties, List.of(handlerB));
    }

    @AfterEach
    void tearDown() {
        nodeA.close();
        nodeB.close();
        secondPool.close();
        database.close();
    }

    @Test
    void twoNodesFireEveryDueTimerExactlyOnce() throws Exception {
        TransactionTemplate tx = nodeA.context.getBean(TransactionTemplate.class);
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < TIMERS; i++) {
                nodeA.timers.schedule(
                        new TimerKey(RecordingHandler.KIND, "case-" + i, "overdue"),
                        T0.plusMillis(i),
                        Map.of("i", String.valueOf(i)));
            }
        });
        clock.advance(Duration.ofMinutes(1));

        // Two threads per node, as the default runner has; all four start together.
        CyclicBarrier together = new CyclicBarrier(4);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<Integer>> byA = new ArrayList<>();
        List<Future<Integer>> byB = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                byA.add(threads.submit(() -> {
                    together.await();
                    return nodeA.timers.fireDue();
                }));
                byB.add(threads.submit(() -> {
                    together.await();
                    return nodeB.timers.fireDue();
                }));
            }
            int firedByA = sum(byA);
            int firedByB = sum(byB);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.info(
                    "{} timers fired by two nodes in {} ms (a: {}, b: {}), {} timers/s",
                    TIMERS,
                    millis,
                    firedByA,
                    firedByB,
                    TIMERS * 1000L / Math.max(1, millis));

            assertThat(firedByA + firedByB).isEqualTo(TIMERS);
            assertThat(firedByA).as("node a took part").isPositive();
            assertThat(firedByB).as("node b took part").isPositive();
        } finally {
            threads.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM timer_fired")).isEqualTo(TIMERS);
        assertThat(count("SELECT count(DISTINCT subject) FROM timer_fired")).isEqualTo(TIMERS);
        assertThat(count("SELECT count(*) FROM workflow_timer"))
                .as("none left, none lost")
                .isZero();
        for (int i = 0; i < TIMERS; i++) {
            String subject = "case-" + i;
            assertThat(handlerA.callsOf(subject, "overdue") + handlerB.callsOf(subject, "overdue"))
                    .as("calls for %s", subject)
                    .isEqualTo(1);
        }
        assertThat(nodeA.counter("cityos.workflow.timers.fired", RecordingHandler.KIND)
                        + nodeB.counter("cityos.workflow.timers.fired", RecordingHandler.KIND))
                .isEqualTo(TIMERS);
    }

    private static int sum(List<Future<Integer>> futures) throws Exception {
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get(120, TimeUnit.SECONDS);
        }
        return total;
    }

    private long count(String sql) {
        return database.jdbc().sql(sql).query(Long.class).single();
    }
}
