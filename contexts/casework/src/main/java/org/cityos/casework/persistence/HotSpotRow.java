package org.cityos.casework.persistence;

import java.time.Instant;
import java.util.List;

/** A stored hot spot. */
public record HotSpotRow(
        String id,
        String categoryCode,
        double lon,
        double lat,
        double radiusMetres,
        int caseCount,
        Instant firstAt,
        Instant lastAt,
        String status,
        String divisionCode,
        List<String> caseIds,
        Instant raisedAt,
        int version) {

    public HotSpotRow {
        caseIds = List.copyOf(caseIds);
    }
}
