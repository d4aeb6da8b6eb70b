package org.cityos.casework.persistence;

import java.time.Instant;

/**
 * A recent case with a place and a category, as the hot spot detector reads it.
 *
 * @param inHotSpot whether some hot spot (of any status) already holds it
 */
public record PlacedCase(
        String id,
        String categoryCode,
        double lon,
        double lat,
        Instant receivedAt,
        String townCode,
        boolean inHotSpot) {}
