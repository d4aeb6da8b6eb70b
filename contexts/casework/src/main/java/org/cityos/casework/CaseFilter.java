package org.cityos.casework;

import java.time.Instant;
import java.util.List;

/** A search over the cases an actor sees; every field optional. */
public record CaseFilter(
        List<CaseStatus> statuses,
        Channel channel,
        String categoryPrefix,
        String divisionPrefix,
        String mainUnit,
        Boolean overdue,
        String text,
        Instant receivedFrom,
        Instant receivedTo) {

    public static CaseFilter none() {
        return new CaseFilter(List.of(), null, null, null, null, null, null, null, null);
    }
}
