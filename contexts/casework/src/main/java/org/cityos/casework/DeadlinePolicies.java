package org.cityos.casework;

import java.time.Duration;
import java.time.Instant;

/** PLACEHOLDER until the calendar branch lands. */
public class DeadlinePolicies {
    public CaseDeadlines deadlines(String categoryCode, Urgency urgency, Instant start) {
        return new CaseDeadlines(
                start.plusSeconds(7200),
                start.plusSeconds(5760),
                start.plusSeconds(86400 * 15),
                start.plusSeconds(86400 * 12));
    }

    public Instant shift(Instant due, Duration paused) {
        return due.plus(paused);
    }
}
