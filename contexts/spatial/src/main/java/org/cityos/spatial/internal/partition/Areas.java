package org.cityos.spatial.internal.partition;

import org.locationtech.jts.geom.Geometry;

/** Areas of WGS84 geometries in square metres, by a local equirectangular projection (fine at district scale). */
public final class Areas {
    private static final double METRES_PER_DEGREE_LAT = 110_574.0;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;

    private Areas() {}

    public static double squareMetres(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        double lat = g.getEnvelopeInternal().centre().y;
        return g.getArea() * METRES_PER_DEGREE_LAT * METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
    }
}
