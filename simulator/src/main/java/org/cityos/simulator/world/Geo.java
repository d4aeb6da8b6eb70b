package org.cityos.simulator.world;

import org.cityos.kernel.GeoPoint;

/** Small moves on the ground, in metres, good enough at city scale. */
final class Geo {
    private Geo() {}

    static GeoPoint move(GeoPoint p, double eastMetres, double northMetres) {
        double lat = p.lat() + northMetres / 110_574.0;
        double lon = p.lon() + eastMetres / (111_320.0 * Math.cos(Math.toRadians(p.lat())));
        return GeoPoint.of(lon, lat);
    }

    static GeoPoint clamp(GeoPoint p, Geography.Box box) {
        return GeoPoint.of(
                Math.max(box.west(), Math.min(box.east(), p.lon())),
                Math.max(box.south(), Math.min(box.north(), p.lat())));
    }
}
