package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POIs as a district's staff use them: the demo's synthetic POIs, nearest search, scope, Chinese search. */
class PoiSystemTest extends SystemTest {

    @Test
    void theDemoHasSyntheticPoisPlacedInDivisionsAndGrids() {
        JsonNode page = api.get("/api/pois?limit=5", admin()).json();
        assertThat(page.get("total").asLong())
                .as("600 synthetic, plus any a test added")
                .isBetween(600L, 620L);
        JsonNode poi = page.get("items").get(0);
        assertThat(poi.get("synthetic").asBoolean()).isTrue();
        assertThat(poi.get("division").asString()).startsWith("110115");
    }

    @Test
    void nearestComesBackInDistanceOrder() {
        JsonNode hits =
                api.get("/api/pois/nearest?lon=116.341&lat=39.726&k=8", admin()).json();
        JsonNode items = hits.has("items") ? hits.get("items") : hits;
        assertThat(items.size()).isEqualTo(8);
        double previous = -1;
        for (JsonNode hit : items) {
            double d = hit.get("distanceM").asDouble();
            assertThat(d).isGreaterThanOrEqualTo(previous);
            previous = d;
        }
        assertThat(api.get("/api/pois/nearest?lon=116.341&lat=39.726&k=500", admin())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTownHandlerSeesOnlyItsTownsPois() {
        String townA = api.login("town-a", DEMO_PASSWORD);
        JsonNode page = api.get("/api/pois?limit=200", townA).json();
        page.get("items").forEach(p -> assertThat(p.get("division").asString()).startsWith("110115001"));
        long all = api.get("/api/pois?limit=1", admin()).json().get("total").asLong();
        assertThat(page.get("total").asLong()).isLessThan(all);
    }

    @Test
    void poisAreFoundByChineseNameAndOutsidersAreRefused() {
        String steward = api.login("steward", DEMO_PASSWORD);
        Api.Response created = api.post(
                "/api/pois",
                steward,
                Map.of("classCode", "hospital", "name", "大兴区第二人民医院", "lon", 116.341, "lat", 39.726));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode found = api.get("/api/pois?q=" + URLEncoder.encode("人民医院", StandardCharsets.UTF_8), steward)
                .json();
        assertThat(found.get("items").toString()).contains("大兴区第二人民医院");
        Api.Response outside = api.post(
                "/api/pois", steward, Map.of("classCode", "hospital", "name", "天津某医院", "lon", 117.2, "lat", 39.1));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/pois",
                                api.login("leader", DEMO_PASSWORD),
                                Map.of("classCode", "hospital", "name", "x", "lon", 116.341, "lat", 39.726))
                        .status())
                .isEqualTo(403);
    }
}
