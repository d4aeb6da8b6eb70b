package org.cityos.spatial.internal.layers;

import java.util.ArrayList;
import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7946 geometries to JTS and back. Reading is strict (closed rings, enough positions, numbers
 * only) so that a bad file is refused with a reason instead of stored half-right; heights are dropped.
 */
public final class GeoJsonGeometry {
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_NESTING = 4;

    private GeoJsonGeometry() {}

    /** Why a geometry could not be read: a message key of the layers bundle and its arguments. */
    public static final class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] args;

        Unreadable(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.args = args;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    public static Geometry read(JsonNode node) {
        return read(node, 0);
    }

    private static Geometry read(JsonNode node, int depth) {
        if (node == null || !node.isObject() || !node.path("type").isString()) {
            throw new Unreadable("layer.geojson.not-a-geometry");
        }
        String type = node.get("type").asString();
        if (type.equals("GeometryCollection")) {
            JsonNode parts = node.path("geometries");
            if (!parts.isArray() || depth >= MAX_NESTING) {
                throw new Unreadable("layer.geojson.bad-coordinates", type);
            }
            List<Geometry> geometries = new ArrayList<>();
            for (JsonNode part : parts) {
                geometries.add(read(part, depth + 1));
            }
            return FACTORY.createGeometryCollection(geometries.toArray(Geometry[]::new));
        }
        JsonNode c = node.path("coordinates");
        if (!c.isArray()) {
            throw new Unreadable("layer.geojson.bad-coordinates", type);
        }
        return switch (type) {
            case "Point" -> FACTORY.createPoint(position(c, type));
            case "MultiPoint" ->
                FACTORY.createMultiPoint(each(c, type).stream()
                        .map(p -> FACTORY.createPoint(position(p, type)))
                        .toArray(Point[]::new));
            case "LineString" -> line(c, type);
            case "MultiLineString" ->
                FACTORY.createMultiLineString(
                        each(c, type).stream().map(l -> line(l, type)).toArray(LineString[]::new));
            case "Polygon" -> polygon(c, type);
            case "MultiPolygon" ->
                FACTORY.createMultiPolygon(
                        each(c, type).stream().map(p -> polygon(p, type)).toArray(Polygon[]::new));
            default -> throw new Unreadable("layer.geojson.unknown-type", type);
        };
    }

    private static List<JsonNode> each(JsonNode array, String type) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isArray()) {
                throw new Unreadable("layer.geojson.bad-coordinates", type);
            }
            items.add(item);
        }
        return items;
    }

    private static Coordinate position(JsonNode p, String type) {
        if (!p.isArray() || p.size() < 2 || p.size() > 3) {
            throw new Unreadable("layer.geojson.bad-position", type);
        }
        for (JsonNode n : p) {
            if (!n.isNumber()) {
                throw new Unreadable("layer.geojson.bad-position", type);
            }
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private static Coordinate[] positions(JsonNode array, String type) {
        Coordinate[] out = new Coordinate[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(array.get(i), type);
        }
        return out;
    }

    private static LineString line(JsonNode c, String type) {
        Coordinate[] points = positions(c, type);
        if (points.length < 2) {
            throw new Unreadable("layer.geojson.too-few-positions", type, 2);
        }
        return FACTORY.createLineString(points);
    }

    private static Polygon polygon(JsonNode c, String type) {
        List<JsonNode> rings = each(c, type);
        if (rings.isEmpty()) {
            throw new Unreadable("layer.geojson.too-few-positions", type, 4);
        }
        LinearRing shell = ring(rings.get(0), type);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), type);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, String type) {
        Coordinate[] points = positions(c, type);
        if (points.length < 4) {
            throw new Unreadable("layer.geojson.too-few-positions", type, 4);
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw new Unreadable("layer.geojson.ring-not-closed", type);
        }
        return FACTORY.createLinearRing(points);
    }

    /** The geometry as a GeoJSON object, coordinates converted from WGS84 to {@code crs}. */
    public static ObjectNode write(Geometry g, Crs crs) {
        ObjectNode node = NODES.objectNode();
        node.put("type", g.getGeometryType());
        if (g instanceof GeometryCollection gc && g.getClass() == GeometryCollection.class) {
            ArrayNode parts = node.putArray("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                parts.add(write(gc.getGeometryN(i), crs));
            }
            return node;
        }
        node.set("coordinates", coordinates(g, crs));
        return node;
    }

    private static ArrayNode coordinates(Geometry g, Crs crs) {
        if (g instanceof Point p) {
            return position(p.getCoordinate(), crs);
        }
        if (g instanceof LineString l) {
            return positions(l.getCoordinates(), crs);
        }
        ArrayNode out = NODES.arrayNode();
        if (g instanceof Polygon p) {
            out.add(positions(p.getExteriorRing().getCoordinates(), crs));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                out.add(positions(p.getInteriorRingN(i).getCoordinates(), crs));
            }
            return out;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            out.add(coordinates(g.getGeometryN(i), crs));
        }
        return out;
    }

    private static ArrayNode positions(Coordinate[] cs, Crs crs) {
        ArrayNode out = NODES.arrayNode(cs.length);
        for (Coordinate c : cs) {
            out.add(position(c, crs));
        }
        return out;
    }

    private static ArrayNode position(Coordinate c, Crs crs) {
        ArrayNode out = NODES.arrayNode(2);
        if (crs == Crs.WGS84) {
            return out.add(c.x).add(c.y);
        }
        GeoPoint p = crs.fromWgs84(new GeoPoint(c.x, c.y));
        return out.add(p.lon()).add(p.lat());
    }
}
