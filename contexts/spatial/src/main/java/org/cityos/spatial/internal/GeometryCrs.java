package org.cityos.spatial.internal;

import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Converts every vertex of a WGS84 geometry into another coordinate system (a copy; the input is untouched). */
public final class GeometryCrs {
    private GeometryCrs() {}

    public static Geometry fromWgs84(Geometry wgs84, Crs crs) {
        if (crs == Crs.WGS84) {
            return wgs84;
        }
        Geometry copy = wgs84.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                GeoPoint p = crs.fromWgs84(GeoPoint.of(seq.getX(i), seq.getY(i)));
                seq.setOrdinate(i, 0, p.lon());
                seq.setOrdinate(i, 1, p.lat());
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
