package org.cityos.casework;

import java.time.Instant;

/** A case waiting for one of the actor's units: what to do (sign, handle, co-handle) and by when. */
public record InboxItem(
        CaseId caseId,
        String number,
        String title,
        String categoryCode,
        Urgency urgency,
        CaseStatus status,
        UnitRef unit,
        AssignmentRole role,
        AssignmentStatus assignment,
        Instant assignedAt,
        Instant responseDue,
        Instant resolutionDue,
        boolean overdue,
        int supervisions,
        int version) {}
