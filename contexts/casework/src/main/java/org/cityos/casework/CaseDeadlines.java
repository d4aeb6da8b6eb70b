package org.cityos.casework;

import java.time.Instant;

/** When a case must be answered and resolved, and when to warn that either deadline is near. */
public record CaseDeadlines(
        Instant responseDue, Instant responseWarnAt, Instant resolutionDue, Instant resolutionWarnAt) {}
