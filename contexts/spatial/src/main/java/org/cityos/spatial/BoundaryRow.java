package org.cityos.spatial;

import org.locationtech.jts.geom.Geometry;

/** One boundary as read from a file: a division code and its geometry, or why the geometry could not be read. */
public record BoundaryRow(int row, String code, Geometry geometry, String unreadable) {}
