package org.cityos.simulator.citizens;

import java.time.Instant;

/**
 * One line of a unit's inbox as CityOS lists it ({@code GET /api/casework/inbox}): the case, where it stands, and the
 * unit's assignment on it ({@code role} MAIN or CO, {@code assignment} AWAITING_SIGN or SIGNED).
 */
public record InboxEntry(
        String caseId,
        String category,
        String status,
        String unit,
        String role,
        String assignment,
        Instant assignedAt,
        Instant responseDue,
        Instant resolutionDue,
        int version) {}
