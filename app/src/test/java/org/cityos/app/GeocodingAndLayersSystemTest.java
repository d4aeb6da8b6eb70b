package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gazetteer, geocoding both ways and the road layer over OGC API Features, as a client uses them. */
class GeocodingAndLayersSystemTest extends SystemTest {

    @Test
    void anAddressFoundByPointIsFoundAgainByItsText() {
        String token = admin();
        JsonNode reverse =
                api.get("/api/geocode/reverse?lon=116.341&lat=39.726", token).json();
        assertThat(reverse.get("inside").asBoolean()).isTrue();
        JsonNode nearest = reverse.get("nearest");
        assertThat(nearest.get("synthetic").asBoolean()).isTrue();
        assertThat(reverse.get("distanceMetres").asDouble()).isLessThan(2000);
        String text = nearest.get("text").asString();
        JsonNode results = api.get("/api/geocode?q=" + encode(text), token).json();
        assertThat(results.get(0).get("address").get("id").asLong())
                .isEqualTo(nearest.get("id").asLong());
        assertThat(results.get(0).get("confidence").asDouble()).isGreaterThan(0.8);
        assertThat(results.get(0).get("address").get("grid").asString()).hasSize(15);
    }

    @Test
    void freeTextIsSplitIntoTheStandardParts() {
        JsonNode parts = api.get("/api/addresses/parse?text=" + encode("北京市大兴区旧宫地区旧宫西路88号院3号楼2单元"), admin())
                .json();
        assertThat(parts.get("road").asString()).isEqualTo("旧宫西路");
        assertThat(parts.get("building").asString()).contains("3");
        assertThat(parts.get("unit").asString()).contains("2");
    }

    @Test
    void absurdAddressTextIsRefused() {
        String token = admin();
        assertThat(api.get("/api/geocode?q=", token).status()).isEqualTo(400);
        assertThat(api.get("/api/geocode?q=" + "路".repeat(300), token).status()).isEqualTo(400);
        assertThat(api.get("/api/geocode", token).status()).isEqualTo(400);
    }

    @Test
    void theRoadNetworkIsALayerServedAsOgcApiFeatures() {
        assertThat(api.get("/ogc", null).status()).isEqualTo(401);
        String token = admin();
        JsonNode landing = api.get("/ogc", token).json();
        assertThat(landing.get("links").toString()).contains("conformance").contains("collections");
        JsonNode collections = api.get("/ogc/collections", token).json();
        assertThat(collections.get("collections").toString()).contains("\"roads\"");
        Api.Response items = api.get("/ogc/collections/roads/items?limit=5", token);
        assertThat(items.contentType()).startsWith("application/geo+json");
        JsonNode page = items.json();
        assertThat(page.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.get("numberReturned").asInt()).isEqualTo(5);
        assertThat(page.get("numberMatched").asInt()).isGreaterThan(5);
        assertThat(page.get("features")
                        .get(0)
                        .get("properties")
                        .get("synthetic")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/ogc/collections/roads/items?bbox=1,2,3", token).status())
                .isEqualTo(400);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
