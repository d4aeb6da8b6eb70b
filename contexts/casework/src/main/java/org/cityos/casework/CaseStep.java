package org.cityos.casework;

import java.time.Instant;

/** One step of the timeline: every transfer between units and every change of state, with who, when and why. */
public record CaseStep(
        int seq,
        CaseAction action,
        CaseStatus from,
        CaseStatus to,
        String unit,
        String toUnit,
        String by,
        String byName,
        String note,
        Instant at) {}
