package org.cityos.spatial;

import org.locationtech.jts.geom.LineString;

/** A named road as one WGS84 line; {@code synthetic} marks generated demo roads wherever they are shown. */
public record Road(long id, String name, RoadClass roadClass, LineString geometry, boolean synthetic) {

    /** Length along the line in metres (equirectangular per segment: fine at district scale). */
    public double lengthMetres() {
        double total = 0;
        var coords = geometry.getCoordinates();
        for (int i = 1; i < coords.length; i++) {
            double midLat = Math.toRadians((coords[i].y + coords[i - 1].y) / 2);
            double dx = (coords[i].x - coords[i - 1].x) * 111_320 * Math.cos(midLat);
            double dy = (coords[i].y - coords[i - 1].y) * 110_540;
            total += Math.hypot(dx, dy);
        }
        return total;
    }
}
