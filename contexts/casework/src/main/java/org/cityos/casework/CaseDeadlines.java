package org.cityos.casework;

import java.time.Instant;

/** PLACEHOLDER until the calendar branch lands. */
public record CaseDeadlines(
        Instant responseDue, Instant responseWarnAt, Instant resolutionDue, Instant resolutionWarnAt) {}
