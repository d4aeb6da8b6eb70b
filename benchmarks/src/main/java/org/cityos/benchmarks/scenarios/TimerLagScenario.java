package org.cityos.benchmarks.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.cityos.benchmarks.Mode;
import org.cityos.benchmarks.Numbers;
import org.cityos.benchmarks.Row;
import org.cityos.benchmarks.load.Cleanup;
import org.cityos.benchmarks.load.ScenarioDatabase;
import org.cityos.testkit.JdbcWiring;
import org.cityos.workflow.FiredTimer;
import org.cityos.workflow.TimerHandler;
import org.cityos.workflow.TimerKey;
import org.cityos.workflow.Timers;
import org.cityos.workflow.WorkflowConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline timers at district scale: the workflow adapter's timer table holds the timers of 1,000,000 open cases
 * spread over 30 days, 10,000 more fall due within one 60-second window, and an intake load keeps scheduling new
 * case timers meanwhile. One node, default settings (2 runner threads, batches of 200, 500 ms poll). Figure: p99
 * of fired − due over the 10,000 (goal ≤ 5 s). The handler writes a row, as a case's deadline firing does.
 */
public final class TimerLagScenario {
    static final String KIND = "bench.deadline";

    private TimerLagScenario() {}

    record Sizes(int waiting, int due, Duration window, int intakePerSecond) {
        static Sizes of(Mode mode) {
            return mode.isFull()
                    ? new Sizes(1_000_000, 10_000, Duration.ofSeconds(60), 50)
                    : new Sizes(20_000, 1_000, Duration.ofSeconds(10), 10);
        }
    }

    public static List<Row> run(Mode mode, Path work) throws Exception {
        Sizes sizes = Sizes.of(mode);
        HikariDataSource db = ScenarioDatabase.start(work, "timer-postgres", "classpath:db/migration/workflow", 8);
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE bench_fired (subject text PRIMARY KEY, lag_ms bigint NOT NULL)")
                .update();
        Instant start = Instant.now();
        long seeding = System.nanoTime();
        // The waiting million: due between one hour and 30 days from now, as a month of open cases' deadlines.
        jdbc.sql("INSERT INTO workflow_timer (kind, subject, name, due_at, next_attempt_at, revision)"
                        + " SELECT ?, 'case-' || g, 'resolution-due', d, d, nextval('workflow_timer_revision')"
                        + " FROM generate_series(1, ?) g, LATERAL (SELECT ?::timestamptz + (g % 2592000) * interval"
                        + " '1 second' + interval '1 hour' AS d) t")
                .params(KIND, sizes.waiting(), Timestamp.from(start))
                .update();
        jdbc.sql("ANALYZE workflow_timer").update();
        double seeded = (System.nanoTime() - seeding) / 1e9;

        Histogram lag = new ConcurrentHistogram(3);
        AtomicLong fired = new AtomicLong();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> db);
        context.registerBean(Clock.class, Clock::systemUTC);
        context.registerBean("benchDeadline", TimerHandler.class, () -> new TimerHandler() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public void fire(FiredTimer timer) {
                long ms = Math.max(
                        0, Duration.between(timer.dueAt(), Instant.now()).toMillis());
                jdbc.sql("INSERT INTO bench_fired (subject, lag_ms) VALUES (?, ?)")
                        .params(timer.key().subject(), ms)
                        .update();
                if (timer.key().subject().startsWith("due-")) {
                    lag.recordValue(Math.max(1, ms));
                    fired.incrementAndGet();
                }
            }
        });
        context.register(JdbcWiring.class, WorkflowConfiguration.class);
        context.refresh();
        Cleanup.register(context);
        Timers timers = context.getBean(Timers.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);

        // The window: 10,000 timers due at random moments of one minute that starts 20 s from now.
        Instant windowStart = Instant.now().plusSeconds(20);
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < sizes.due(); i++) {
                long offset = (long) ((double) i / sizes.due() * sizes.window().toMillis());
                timers.schedule(
                        new TimerKey(KIND, "due-" + i, "response-due"), windowStart.plusMillis(offset), Map.of());
            }
        });
        // Intake meanwhile: each new case schedules its four deadline timers, days ahead.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong intake = new AtomicLong();
        Thread intakeLoad = new Thread(
                () -> {
                    long next = System.nanoTime();
                    while (running.get()) {
                        long n = intake.incrementAndGet();
                        tx.executeWithoutResult(s -> {
                            for (String name :
                                    List.of("response-warn", "response-due", "resolution-warn", "resolution-due")) {
                                timers.schedule(
                                        new TimerKey(KIND, "new-" + n, name),
                                        Instant.now().plus(Duration.ofDays(2)),
                                        Map.of());
                            }
                        });
                        next += 1_000_000_000L / sizes.intakePerSecond();
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) {
                            try {
                                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "timer-intake");
        intakeLoad.setDaemon(true);
        intakeLoad.start();
        Instant giveUp = windowStart.plus(sizes.window()).plusSeconds(120);
        while (fired.get() < sizes.due() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        running.set(false);
        intakeLoad.join(5_000);
        if (fired.get() < sizes.due()) {
            throw new IllegalStateException("only " + fired.get() + " of " + sizes.due() + " timers fired in time");
        }
        double p99 = lag.getValueAtPercentile(99) / 1000.0;
        return List.of(new Row(
                "workflow timers: p99 of fired − due over " + Numbers.figure(sizes.due()) + " timers due within "
                        + sizes.window().toSeconds() + " s, with " + Numbers.figure(sizes.waiting())
                        + " waiting (30 days) and intake scheduling meanwhile",
                p99,
                "s (p99 fired − due)",
                "goal (s)",
                5,
                "lag p50 " + Numbers.millis(lag.getValueAtPercentile(50) * 1000) + ", p99 "
                        + Numbers.millis(lag.getValueAtPercentile(99) * 1000) + ", max "
                        + Numbers.millis(lag.getMaxValue() * 1000) + "; " + intake.get() + " cases' timers scheduled"
                        + " meanwhile; one node, 2 runner threads, batch 200, poll 500 ms; seeded "
                        + Numbers.figure(sizes.waiting()) + " rows in " + Numbers.seconds(seeded)));
    }
}
