package org.cityos.casework.persistence;

import java.time.Instant;

/** One step of a case's timeline: what was done, by whom, from which unit to which, with a note. */
public record StepRow(
        String caseId,
        int seq,
        String action,
        String fromStatus,
        String toStatus,
        String unit,
        String toUnit,
        String byId,
        String byName,
        String note,
        String data,
        Instant at) {

    /** The same step with the sequence number the timeline gave it. */
    public StepRow numbered(int number) {
        return new StepRow(caseId, number, action, fromStatus, toStatus, unit, toUnit, byId, byName, note, data, at);
    }
}
