package org.cityos.casework;

import java.time.Instant;

/** One unit's part in a case: who gave it, when, by when it must be signed, and how it ended. */
public record Assignment(
        long id,
        UnitRef unit,
        AssignmentRole role,
        AssignmentStatus status,
        Long parentId,
        String assignedBy,
        Instant assignedAt,
        Instant responseDue,
        Instant signedAt,
        Instant finishedAt,
        String note) {}
