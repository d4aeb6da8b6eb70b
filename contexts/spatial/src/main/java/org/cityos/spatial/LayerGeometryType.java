package org.cityos.spatial;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** What a layer's features look like; MIXED accepts any geometry. */
public enum LayerGeometryType {
    POINT,
    LINE,
    POLYGON,
    MIXED;

    /** Whether a geometry fits this layer; the multi-part forms count as their single-part kind. */
    public boolean accepts(Geometry g) {
        return switch (this) {
            case POINT -> g instanceof Point || g instanceof MultiPoint;
            case LINE -> g instanceof LineString || g instanceof MultiLineString;
            case POLYGON -> g instanceof Polygon || g instanceof MultiPolygon;
            case MIXED -> true;
        };
    }
}
