package org.cityos.simulator.citizens;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;

/**
 * What a grid worker reports from the street ({@code POST /api/casework/intake/grid}): the worker's app gives each
 * report its {@code reportId}, so a report sent again (its answer was lost) makes no second case.
 */
public record GridReport(String reportId, Instant at, String category, String title, String content, GeoPoint point) {}
