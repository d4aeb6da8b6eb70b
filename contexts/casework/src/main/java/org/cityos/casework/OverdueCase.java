package org.cityos.casework;

import java.time.Instant;

/** An open case past its response or resolution deadline, as the overdue list (超期清单) shows it. */
public record OverdueCase(
        CaseId id,
        String number,
        String title,
        String categoryCode,
        String mainUnit,
        String townCode,
        CaseStatus status,
        boolean responseOverdue,
        boolean resolutionOverdue,
        Instant dispatchedAt,
        Instant responseDue,
        Instant resolutionDue) {}
