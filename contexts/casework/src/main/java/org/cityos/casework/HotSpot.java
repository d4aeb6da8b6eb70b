package org.cityos.casework;

import java.time.Instant;
import java.util.List;

/**
 * A hot spot (高频诉求): requests of one category leaf about one place within a few days.
 *
 * @param radiusMetres how far the farthest of its cases lies from the centre
 * @param divisionCode the town most of its cases are in (null when they have none)
 * @param firstAt when the earliest of its cases was received
 * @param lastAt when the latest was received
 */
public record HotSpot(
        String id,
        String categoryCode,
        double lon,
        double lat,
        double radiusMetres,
        int caseCount,
        Instant firstAt,
        Instant lastAt,
        HotSpotStatus status,
        String divisionCode,
        List<String> caseIds,
        Instant raisedAt,
        int version) {

    public HotSpot {
        caseIds = List.copyOf(caseIds);
    }
}
