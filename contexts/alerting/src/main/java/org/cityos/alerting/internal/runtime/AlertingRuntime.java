package org.cityos.alerting.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.Rules;
import org.cityos.alerting.internal.alarms.AlarmBook;
import org.cityos.alerting.internal.alarms.AlarmWriter;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.persistence.AlarmRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine with the enabled rules, the open alarms and the kept state; then ticks it, sweeps alarms for
 * escalation and settling, and keeps its state, on one scheduler thread. With {@code scheduled} off (tests) the
 * same steps are called by hand.
 */
public final class AlertingRuntime implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AlertingRuntime.class);

    private final Rules rules;
    private final RuleEngine engine;
    private final AlarmRepository alarms;
    private final AlarmBook book;
    private final AlarmWriter writer;
    private final StateKeeper state;
    private final Clock clock;
    private final Duration tick;
    private final boolean scheduled;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public AlertingRuntime(
            Rules rules,
            RuleEngine engine,
            AlarmRepository alarms,
            AlarmBook book,
            AlarmWriter writer,
            StateKeeper state,
            Clock clock,
            Duration tick,
            boolean scheduled) {
        this.rules = rules;
        this.engine = engine;
        this.alarms = alarms;
        this.book = book;
        this.writer = writer;
        this.state = state;
        this.clock = clock;
        this.tick = tick;
        this.scheduled = scheduled;
    }

    @Override
    public void start() {
        rules.reload();
        for (String[] open : alarms.openSubjects()) {
            engine.markOpen(new RuleId(open[0]), open[1]);
        }
        int restored = state.restore();
        log.info(
                "Alerting: {} rules enabled, {} subject states restored",
                engine.rules().size(),
                restored);
        if (scheduled) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "alerting-clock");
                t.setDaemon(true);
                return t;
            });
            long ms = tick.toMillis();
            scheduler.scheduleWithFixedDelay(this::safely, ms, ms, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private long ticks;

    private void safely() {
        try {
            step(++ticks % 5 == 0);
        } catch (RuntimeException e) {
            log.warn("alerting tick failed", e);
        }
    }

    /** One turn of the clock: the engine's sweep, and (when asked) alarm escalation and state keeping. */
    public void step(boolean housekeeping) {
        engine.tick(clock.instant());
        if (housekeeping) {
            book.sweep();
            state.flush();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.drain();
        state.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // After the database and the outbox, before the ingest edges stop feeding readings.
        return Integer.MAX_VALUE - 2000;
    }
}
