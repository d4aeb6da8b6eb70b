package org.cityos.simulator.world;

import java.util.List;
import org.cityos.kernel.GeoPoint;

/**
 * The real district the synthetic one is laid over: its divisions, roads and points of interest, as read from a
 * running CityOS or written by hand in a test.
 */
public record Geography(
        Box bounds, List<Division> divisions, List<Road> roads, List<Poi> pois, List<List<GeoPoint>> outline) {
    public Geography {
        outline = outline.stream().map(List::copyOf).toList();
        divisions = List.copyOf(divisions);
        roads = List.copyOf(roads);
        pois = List.copyOf(pois);
        if (divisions.isEmpty()) {
            throw new IllegalArgumentException("a geography needs at least one division");
        }
    }

    /** A geography without an outline: everything inside the box counts as inside the district. */
    public Geography(Box bounds, List<Division> divisions, List<Road> roads, List<Poi> pois) {
        this(bounds, divisions, roads, pois, List.of());
    }

    /**
     * Whether {@code p} lies inside the district: inside one of the outline's rings (even-odd rule), or inside the
     * box when there is no outline. CityOS refuses devices outside its district, so placement asks first.
     */
    public boolean inside(GeoPoint p) {
        if (!bounds.contains(p)) {
            return false;
        }
        return outline.isEmpty() || Rings.contain(outline, p);
    }

    /** A longitude/latitude rectangle. */
    public record Box(double west, double south, double east, double north) {
        public boolean contains(GeoPoint p) {
            return p.lon() >= west && p.lon() <= east && p.lat() >= south && p.lat() <= north;
        }
    }

    /**
     * A township-level division; {@code rural} marks a town (镇) of villages rather than an urban street office,
     * which is where the heat-pump households are.
     */
    public record Division(String code, String name, GeoPoint centre, boolean rural) {}

    /** A road as a polyline. */
    public record Road(String id, String name, List<GeoPoint> line) {
        public Road {
            line = List.copyOf(line);
            if (line.size() < 2) {
                throw new IllegalArgumentException("road " + id + " needs at least two points");
            }
        }
    }

    /** A point of interest by its class code (school, elderly-care, hazmat-enterprise, bus-stop …). */
    public record Poi(String id, String classCode, String name, GeoPoint at, String division) {}

    public List<Poi> pois(String classCode) {
        return pois.stream().filter(p -> p.classCode().equals(classCode)).toList();
    }
}
