package org.cityos.catalog.theme;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.cityos.catalog.theme.ThemeRefresh.Outcome;
import org.cityos.catalog.theme.ThemeRefresh.Trigger;
import org.cityos.catalog.theme.ThemeStore.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes one theme table in a transaction of its own under the view's advisory lock, so one node refreshes a
 * view at a time and a node that finds it locked moves on. A failure rolls back to the last good rows and is
 * recorded in a transaction of its own; it never reaches the other tables.
 */
class ThemeRefresher {
    private static final Logger log = LoggerFactory.getLogger(ThemeRefresher.class);
    private static final int MAX_ERROR = 1000;

    private final ThemeStore store;
    private final ViewStore views;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration timeout;
    private final MeterRegistry meters;

    ThemeRefresher(
            ThemeStore store,
            ViewStore views,
            TransactionTemplate transactions,
            Clock clock,
            Duration timeout,
            MeterRegistry meters) {
        this.store = store;
        this.views = views;
        this.transactions = transactions;
        this.clock = clock;
        this.timeout = timeout;
        this.meters = meters;
    }

    /** Refreshes the table now, or tells that someone else is (BUSY, not recorded). */
    ThemeRefresh refresh(Stored theme, TableSpec table, Trigger trigger) {
        return refreshIf(theme, table, trigger, false);
    }

    /**
     * Refreshes the table when it is due by the theme's interval, checked again under the lock so a node that
     * waited behind another does not refresh the same view twice; null when it was not due.
     */
    ThemeRefresh refreshIfDue(Stored theme, TableSpec table) {
        return refreshIf(theme, table, Trigger.SCHEDULE, true);
    }

    private ThemeRefresh refreshIf(Stored theme, TableSpec table, Trigger trigger, boolean onlyIfDue) {
        String view = ViewCompiler.viewName(theme.code(), table.name());
        Instant started = now();
        long t0 = System.nanoTime();
        try {
            ThemeRefresh done = transactions.execute(status -> {
                if (!views.tryLock(view)) {
                    return busy(theme, table, trigger, started);
                }
                if (onlyIfDue && !due(theme, table)) {
                    return null;
                }
                views.timeout(timeout.toMillis());
                views.refresh(view);
                long rows = views.count(view);
                ThemeRefresh ok = new ThemeRefresh(
                        0,
                        theme.code(),
                        table.name(),
                        theme.version(),
                        trigger,
                        started,
                        now(),
                        rows,
                        Outcome.OK,
                        null);
                return withId(ok, store.recordRefresh(ok));
            });
            if (done != null && done.outcome() == Outcome.OK) {
                timer(theme, table, Outcome.OK).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            }
            return done;
        } catch (RuntimeException e) {
            log.warn("Theme table {} failed to refresh; it keeps its last rows: {}", view, e.toString());
            // PostgreSQL's own words (duplicate key, timeout) say more than the wrapping exceptions.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String error = String.valueOf(cause.getMessage());
            ThemeRefresh failed = new ThemeRefresh(
                    0,
                    theme.code(),
                    table.name(),
                    theme.version(),
                    trigger,
                    started,
                    now(),
                    null,
                    Outcome.FAILED,
                    error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            timer(theme, table, Outcome.FAILED).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            return withId(failed, transactions.execute(status -> store.recordRefresh(failed)));
        }
    }

    boolean due(Stored theme, TableSpec table) {
        return store.lastStarted(theme.code(), table.name())
                .map(last -> !last.plus(theme.interval()).isAfter(clock.instant()))
                .orElse(true);
    }

    private Timer timer(Stored theme, TableSpec table, Outcome outcome) {
        return Timer.builder("cityos.catalog.theme.refresh")
                .description("Refreshes of theme tables")
                .tag("theme", theme.code())
                .tag("table", table.name())
                .tag("outcome", outcome.name())
                .register(meters);
    }

    private ThemeRefresh busy(Stored theme, TableSpec table, Trigger trigger, Instant started) {
        return new ThemeRefresh(
                0, theme.code(), table.name(), theme.version(), trigger, started, started, null, Outcome.BUSY, null);
    }

    private static ThemeRefresh withId(ThemeRefresh r, long id) {
        return new ThemeRefresh(
                id,
                r.theme(),
                r.table(),
                r.version(),
                r.trigger(),
                r.startedAt(),
                r.finishedAt(),
                r.rows(),
                r.outcome(),
                r.error());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
