package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Point → place, coordinate systems, boundaries as GeoJSON and the import of official boundaries. */
class PlacesSystemTest extends SystemTest {
    /** The approximate seat of 黄村地区 (from the reference seats), which its synthetic cell contains. */
    private static final GeoPoint HUANGCUN_SEAT = seat("110115005000");

    @Test
    void aPointIsPlacedDownToItsGridAndLabelledSynthetic() {
        JsonNode placed = locate(HUANGCUN_SEAT.lon(), HUANGCUN_SEAT.lat(), "WGS84");
        assertThat(placed.get("inside").asBoolean()).isTrue();
        assertThat(placed.get("town").asString()).isEqualTo("110115005000");
        assertThat(placed.get("community").asString()).startsWith("110115005");
        assertThat(placed.get("grid").asString())
                .startsWith(placed.get("community").asString())
                .hasSize(15);
        assertThat(placed.get("path")).hasSize(4);
        assertThat(placed.get("synthetic").asBoolean()).isTrue();
    }

    @Test
    void theSamePlaceComesBackWhateverTheCoordinateSystem() {
        String grid = locate(HUANGCUN_SEAT.lon(), HUANGCUN_SEAT.lat(), "WGS84")
                .get("grid")
                .asString();
        for (Crs crs : List.of(Crs.GCJ02, Crs.BD09)) {
            GeoPoint shifted = crs.fromWgs84(HUANGCUN_SEAT);
            JsonNode placed = locate(shifted.lon(), shifted.lat(), crs.name());
            assertThat(placed.get("grid").asString()).as(crs.name()).isEqualTo(grid);
            assertThat(placed.get("point").get("wgs84").get("lon").asDouble())
                    .isCloseTo(HUANGCUN_SEAT.lon(), org.assertj.core.api.Assertions.within(1e-7));
        }
    }

    @Test
    void outsideIsAnAnswerAndBadCoordinatesAreExplained() {
        JsonNode tianjin = locate(117.2, 39.1, null);
        assertThat(tianjin.get("inside").asBoolean()).isFalse();
        assertThat(tianjin.get("path")).isEmpty();
        String token = admin();
        Api.Response swapped = api.get("/api/places/locate?lon=39.72&lat=116.34", token);
        assertThat(swapped.status()).isEqualTo(400);
        assertThat(swapped.json().get("type").asString()).endsWith("/coordinates-swapped");
        assertThat(swapped.json().get("detail").asString()).contains("lon=116.34");
        assertThat(api.get("/api/places/locate?lon=200&lat=39", token).status()).isEqualTo(400);
        assertThat(api.get("/api/places/locate?lon=116.3&lat=39.7&crs=utm", token)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/places/locate?lon=abc&lat=39.7", token).status())
                .isEqualTo(400);
        assertThat(api.get("/api/places/locate?lon=116.3", token).status()).isEqualTo(400);
    }

    @Test
    void boundariesAreGeoJsonAndScoped() {
        String token = admin();
        Api.Response town = api.get("/api/divisions/110115005000/boundary", token);
        assertThat(town.contentType()).startsWith("application/geo+json");
        JsonNode feature = town.json();
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(feature.get("properties").get("synthetic").asBoolean()).isTrue();
        assertThat(feature.get("properties").get("areaM2").asLong()).isPositive();
        JsonNode communities = api.get("/api/divisions/110115005000/children/boundaries", token)
                .json();
        assertThat(communities.get("features").size()).isGreaterThan(3);
        JsonNode district =
                api.get("/api/divisions/110115000000/boundary", token).json();
        assertThat(district.get("properties").get("synthetic").asBoolean()).isFalse();
        String townA = api.login("town-a", DEMO_PASSWORD);
        assertThat(api.get("/api/divisions/110115005000/boundary", townA).status())
                .isEqualTo(403);
    }

    @Test
    void officialBoundariesImportWithRepairsRefusalsAndASiblingReport() {
        String steward = api.login("steward", DEMO_PASSWORD);
        assertThat(api.post(
                                "/api/divisions",
                                steward,
                                Map.of("code", "110115003950", "kind", "COMMUNITY", "name", "边界测试社区"))
                        .status())
                .isEqualTo(201);
        GeoPoint c = seat("110115003000");
        String square = ring(c, 0.002);
        String spike = "[[" + c.lon() + "," + c.lat() + "],[" + (c.lon() + 0.002) + "," + c.lat() + "],["
                + (c.lon() + 0.002) + "," + (c.lat() + 0.002) + "],[" + (c.lon() + 0.001) + "," + (c.lat() + 0.002)
                + "],[" + (c.lon() + 0.001) + "," + (c.lat() + 0.003) + "],[" + (c.lon() + 0.001) + ","
                + (c.lat() + 0.002) + "],[" + c.lon() + "," + (c.lat() + 0.002) + "],[" + c.lon() + "," + c.lat()
                + "]]";
        String bowtie = "[[" + c.lon() + "," + c.lat() + "],[" + (c.lon() + 0.002) + "," + (c.lat() + 0.002) + "],["
                + (c.lon() + 0.002) + "," + c.lat() + "],[" + c.lon() + "," + (c.lat() + 0.002) + "],[" + c.lon()
                + "," + c.lat() + "]]";
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("110115003950", "{\"type\":\"Polygon\",\"coordinates\":[" + square + "]}") + ","
                + feature("110115003001", "{\"type\":\"Polygon\",\"coordinates\":[" + spike + "]}") + ","
                + feature("110115003002", "{\"type\":\"Polygon\",\"coordinates\":[" + bowtie + "]}") + ","
                + feature("110115003003", "{\"type\":\"LineString\",\"coordinates\":[[116.3,39.7],[116.4,39.8]]}")
                + "," + feature("110115999950", "{\"type\":\"Polygon\",\"coordinates\":[" + square + "]}") + ","
                + feature("110115003004", "{\"type\":\"Polygon\",\"coordinates\":\"oops\"}") + "]}";
        JsonNode dry = upload(steward, geojson, true).json();
        assertThat(dry.get("applied").asInt()).isEqualTo(2);
        List<Integer> refused = new ArrayList<>();
        dry.get("issues").forEach(i -> refused.add(i.get("row").asInt()));
        assertThat(refused).containsExactlyInAnyOrder(3, 4, 5, 6);
        assertThat(dry.get("repaired")).hasSize(1);
        assertThat(dry.get("repaired").get(0).get("code").asString()).isEqualTo("110115003001");
        List<String> kinds = new ArrayList<>();
        dry.get("siblings").forEach(s -> kinds.add(s.get("kind").asString()));
        assertThat(kinds).contains("OVERLAP", "GAP");
        assertThat(api.get("/api/divisions/110115003001/boundary", steward)
                        .json()
                        .get("geometry")
                        .toString())
                .doesNotContain(String.valueOf(c.lat() + 0.003));

        String single = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("110115003950", "{\"type\":\"Polygon\",\"coordinates\":[" + square + "]}") + "]}";
        JsonNode applied = upload(steward, single, false).json();
        assertThat(applied.get("applied").asInt()).isEqualTo(1);
        JsonNode stored =
                api.get("/api/divisions/110115003950/boundary", steward).json();
        assertThat(stored.get("properties").get("synthetic").asBoolean()).isFalse();
        assertThat(stored.get("geometry").get("type").asString()).isEqualTo("Polygon");
        assertThat(upload(steward, "{\"type\":\"Feature\"}", true).status()).isEqualTo(400);
        assertThat(upload(api.login("town-a", DEMO_PASSWORD), single, true).status())
                .isEqualTo(403);
    }

    private Api.Response upload(String token, String geojson, boolean dryRun) {
        return Multipart.file(
                        "file", "boundaries.geojson", "application/geo+json", geojson.getBytes(StandardCharsets.UTF_8))
                .post(api, "/api/divisions/boundaries/import?dryRun=" + dryRun, token);
    }

    private static String feature(String code, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":" + geometry + "}";
    }

    private static String ring(GeoPoint c, double size) {
        return "[[" + c.lon() + "," + c.lat() + "],[" + (c.lon() + size) + "," + c.lat() + "],[" + (c.lon() + size)
                + "," + (c.lat() + size) + "],[" + c.lon() + "," + (c.lat() + size) + "],[" + c.lon() + "," + c.lat()
                + "]]";
    }

    private JsonNode locate(double lon, double lat, String crs) {
        Api.Response r =
                api.get("/api/places/locate?lon=" + lon + "&lat=" + lat + (crs == null ? "" : "&crs=" + crs), admin());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static GeoPoint seat(String code) {
        try (var in = PlacesSystemTest.class
                .getClassLoader()
                .getResourceAsStream("reference/divisions/daxing_township_seats_approx.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f[0].equals(code)) {
                    return GeoPoint.of(Double.parseDouble(f[2]), Double.parseDouble(f[3].trim()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException(code);
    }
}
