package org.cityos.simulator.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cityos.kernel.GeoPoint;
import org.cityos.simulator.world.Geography;
import tools.jackson.databind.JsonNode;

/**
 * Reads the district a simulation is laid over from a running CityOS: township boundaries (centres, and whether a
 * town is rural), the district outline, roads (OGC API Features) and the POIs of the classes devices stand at.
 */
public final class GeographySource {
    public static final String DAXING = "110115000000";
    static final List<String> POI_CLASSES =
            List.of("hazmat-enterprise", "elderly-care", "school", "farmers-market", "mall", "hospital", "bus-stop");
    private static final Set<String> RURAL_KINDS = Set.of("TOWN", "TOWNSHIP");

    private GeographySource() {}

    public static Geography read(CityOsClient client) {
        return read(client, DAXING, 5_000);
    }

    public static Geography read(CityOsClient client, String district, int maxRoads) {
        List<List<GeoPoint>> outline =
                rings(client.get("/api/divisions/" + district + "/boundary").path("geometry"));
        List<Geography.Division> divisions = new ArrayList<>();
        for (JsonNode f : client.get("/api/divisions/" + district + "/children/boundaries")
                .path("features")) {
            List<List<GeoPoint>> rings = rings(f.path("geometry"));
            if (rings.isEmpty()) {
                continue;
            }
            JsonNode p = f.path("properties");
            divisions.add(new Geography.Division(
                    p.path("code").asString(),
                    p.path("name").asString(),
                    centre(rings),
                    RURAL_KINDS.contains(p.path("kind").asString())));
        }
        if (divisions.isEmpty()) {
            throw new IllegalStateException(
                    "CityOS has no township boundaries under " + district + ": the simulator places devices by them");
        }
        List<GeoPoint> all = new ArrayList<>();
        outline.forEach(all::addAll);
        divisions.forEach(d -> all.add(d.centre()));
        Geography.Box box = new Geography.Box(
                all.stream().mapToDouble(GeoPoint::lon).min().orElseThrow(),
                all.stream().mapToDouble(GeoPoint::lat).min().orElseThrow(),
                all.stream().mapToDouble(GeoPoint::lon).max().orElseThrow(),
                all.stream().mapToDouble(GeoPoint::lat).max().orElseThrow());
        return new Geography(box, divisions, roads(client, maxRoads), pois(client), outline);
    }

    private static List<Geography.Road> roads(CityOsClient client, int max) {
        List<Geography.Road> roads = new ArrayList<>();
        int offset = 0;
        while (roads.size() < max) {
            int limit = Math.min(1_000, max - roads.size());
            JsonNode page = client.get("/ogc/collections/roads/items?limit=" + limit + "&offset=" + offset);
            JsonNode features = page.path("features");
            for (JsonNode f : features) {
                for (List<GeoPoint> line : lines(f.path("geometry"))) {
                    if (line.size() >= 2) {
                        String id = f.path("id").asString();
                        roads.add(new Geography.Road(
                                id, f.path("properties").path("name").asString(id), line));
                    }
                }
            }
            if (features.size() < limit) {
                break;
            }
            offset += limit;
        }
        return roads;
    }

    private static List<Geography.Poi> pois(CityOsClient client) {
        List<Geography.Poi> pois = new ArrayList<>();
        for (String c : POI_CLASSES) {
            for (JsonNode p : client.get("/api/pois?class=" + c + "&limit=1000").path("items")) {
                pois.add(new Geography.Poi(
                        p.path("id").asString(),
                        p.path("classCode").asString(c),
                        p.path("name").asString(),
                        GeoPoint.of(p.path("lon").asDouble(), p.path("lat").asDouble()),
                        p.path("division").asString(null)));
            }
        }
        return pois;
    }

    /** Exterior rings of a Polygon or MultiPolygon. */
    static List<List<GeoPoint>> rings(JsonNode geometry) {
        List<List<GeoPoint>> out = new ArrayList<>();
        switch (geometry.path("type").asString("")) {
            case "Polygon" -> out.add(points(geometry.path("coordinates").path(0)));
            case "MultiPolygon" -> geometry.path("coordinates").forEach(poly -> out.add(points(poly.path(0))));
            default -> {}
        }
        out.removeIf(r -> r.size() < 3);
        return out;
    }

    /** The lines of a LineString or MultiLineString. */
    static List<List<GeoPoint>> lines(JsonNode geometry) {
        List<List<GeoPoint>> out = new ArrayList<>();
        switch (geometry.path("type").asString("")) {
            case "LineString" -> out.add(points(geometry.path("coordinates")));
            case "MultiLineString" -> geometry.path("coordinates").forEach(l -> out.add(points(l)));
            default -> {}
        }
        return out;
    }

    private static List<GeoPoint> points(JsonNode coordinates) {
        List<GeoPoint> out = new ArrayList<>();
        coordinates.forEach(
                c -> out.add(GeoPoint.of(c.path(0).asDouble(), c.path(1).asDouble())));
        return out;
    }

    /** The vertex average of the largest ring: inside for the compact shapes of townships. */
    private static GeoPoint centre(List<List<GeoPoint>> rings) {
        List<GeoPoint> ring = rings.stream()
                .max(java.util.Comparator.comparingInt(List::size))
                .orElseThrow();
        double lon = ring.stream().mapToDouble(GeoPoint::lon).average().orElseThrow();
        double lat = ring.stream().mapToDouble(GeoPoint::lat).average().orElseThrow();
        return GeoPoint.of(lon, lat);
    }
}
