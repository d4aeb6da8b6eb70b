package org.cityos.spatial.internal.geocoding;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * A flat metric frame around a district's centre (equirectangular): distances and buffers in metres
 * are what road spacing and house offsets are specified in; errors stay far below a metre per km.
 */
final class LocalMetres {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final double lon0;
    private final double lat0;
    private final double kx;
    private final double ky;

    LocalMetres(Envelope wgs84) {
        lon0 = wgs84.centre().x;
        lat0 = wgs84.centre().y;
        kx = 111_320 * Math.cos(Math.toRadians(lat0));
        ky = 110_540;
    }

    Coordinate toLocal(double lon, double lat) {
        return new Coordinate((lon - lon0) * kx, (lat - lat0) * ky);
    }

    Coordinate toWgs84(Coordinate local) {
        return new Coordinate(round(lon0 + local.x / kx), round(lat0 + local.y / ky));
    }

    Geometry toLocal(Geometry wgs84) {
        Geometry copy = wgs84.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            Coordinate l = toLocal(c.x, c.y);
            c.x = l.x;
            c.y = l.y;
        });
        copy.geometryChanged();
        return copy;
    }

    LineString toWgs84(LineString local) {
        Coordinate[] coords = local.getCoordinates();
        Coordinate[] out = new Coordinate[coords.length];
        for (int i = 0; i < coords.length; i++) {
            out[i] = toWgs84(coords[i]);
        }
        return GEOMETRY.createLineString(out);
    }

    /** Six decimals (about 0.1 m) keep stored lines small without visible loss. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
