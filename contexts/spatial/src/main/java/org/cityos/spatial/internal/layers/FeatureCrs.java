package org.cityos.spatial.internal.layers;

import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.cityos.spatial.LayerFeature;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** Converts incoming features from the caller's coordinate system to the stored WGS84. */
public final class FeatureCrs {
    private FeatureCrs() {}

    public static List<LayerFeature> toWgs84(List<LayerFeature> features, Crs crs) {
        if (crs == Crs.WGS84) {
            return features;
        }
        return features.stream().map(f -> toWgs84(f, crs)).toList();
    }

    public static LayerFeature toWgs84(LayerFeature f, Crs crs) {
        if (crs == Crs.WGS84 || f.geometry() == null) {
            return f;
        }
        Geometry g = f.geometry().copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                // Out-of-range positions are left alone for the feature checks to reject by index.
                if (Double.isFinite(x) && Double.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90) {
                    GeoPoint p = crs.toWgs84(new GeoPoint(x, y));
                    seq.setOrdinate(i, 0, p.lon());
                    seq.setOrdinate(i, 1, p.lat());
                }
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
        return f.withGeometry(g);
    }
}
