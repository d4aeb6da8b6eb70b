package org.cityos.casework.internal.calendar;

import org.cityos.casework.CalendarProperties;
import org.cityos.casework.DeadlinePolicies;
import org.cityos.casework.WorkingCalendar;
import org.cityos.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the calendar and the deadline policies at start and then compares them with the stored tables every
 * {@link CalendarProperties#checkInterval()}: local changes reload at commit, but a change made on another node is
 * only seen here.
 */
@Component
public class CalendarWatch implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CalendarWatch.class);

    private final WorkingCalendar calendar;
    private final DeadlinePolicies policies;
    private final PeriodicJob job;

    public CalendarWatch(WorkingCalendar calendar, DeadlinePolicies policies, CalendarProperties properties) {
        this.calendar = calendar;
        this.policies = policies;
        // Deadlines are computed from the first request on, so the load happens before start returns.
        this.job = PeriodicJob.every("cityos-casework-calendar", properties.checkInterval(), this::check)
                .startingWith(this::load);
    }

    private void load() {
        calendar.reload();
        policies.reload();
    }

    /** One check of both tables; a failure (database away) is logged and the next check tries again. */
    public void check() {
        try {
            if (calendar.refreshIfChanged()) {
                log.info("working calendar changed on another node; reloaded");
            }
            if (policies.refreshIfChanged()) {
                log.info("deadline policies changed on another node; reloaded");
            }
        } catch (RuntimeException e) {
            log.warn("could not check the working calendar for changes: {}", e.toString());
        }
    }

    @Override
    public void start() {
        job.start();
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }
}
