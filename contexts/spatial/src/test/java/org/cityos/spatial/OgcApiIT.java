package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.spatial.LayerFixture.ADMIN;
import static org.cityos.spatial.LayerFixture.ECOLOGY;
import static org.cityos.spatial.LayerFixture.TRANSPORT;
import static org.cityos.spatial.LayerFixture.actor;
import static org.cityos.spatial.LayerFixture.definition;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The OGC API – Features – Part 1 documents, checked member by member against the standard's names. */
class OgcApiIT {
    static final String CONF = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    static final GeometryFactory GEOMETRY = new GeometryFactory();

    final LayerFixture fx = new LayerFixture();
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = fx.mvc();
        fx.layers.register(ADMIN, definition("stations", LayerGeometryType.POINT, LayerAccess.PUBLIC, ECOLOGY));
        fx.layers.register(ADMIN, definition("hazard", LayerGeometryType.POINT, LayerAccess.RESTRICTED, ECOLOGY));
        fx.layers.register(ADMIN, definition("roads", LayerGeometryType.LINE, LayerAccess.INTERNAL, TRANSPORT));
        List<LayerFeature> features = new ArrayList<>();
        // 25 stations on a diagonal, one a month through 2025 and 2026 (the 25th has no time).
        for (int i = 0; i < 25; i++) {
            Instant t = i < 24 ? Instant.parse(String.format("%d-%02d-01T00:00:00Z", 2025 + i / 12, i % 12 + 1)) : null;
            features.add(new LayerFeature(
                    "s" + i,
                    GEOMETRY.createPoint(new Coordinate(116.0 + i * 0.02, 39.5 + i * 0.01)),
                    Map.of("n", i),
                    t));
        }
        fx.layers.replaceFeatures(ADMIN, LayerId.of("stations"), features);
        // A diagonal line whose bounding box covers a query box it does not touch.
        fx.layers.replaceFeatures(
                ADMIN,
                LayerId.of("roads"),
                List.of(new LayerFeature(
                        "diagonal",
                        GEOMETRY.createLineString(
                                new Coordinate[] {new Coordinate(116.0, 39.5), new Coordinate(116.4, 39.9)}),
                        Map.of(),
                        null)));
        fx.actAs(actor("t", Role.DEPARTMENT_HANDLER, TRANSPORT));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void landing_page_links_to_the_api_definition_conformance_and_collections() throws Exception {
        mvc.perform(get("/ogc"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.links[*].rel")
                        .value(containsInAnyOrder("self", "service-desc", "service-doc", "conformance", "data")))
                .andExpect(jsonPath("$.links[?(@.rel=='conformance')].href")
                        .value(contains("http://localhost/ogc/conformance")))
                .andExpect(
                        jsonPath("$.links[?(@.rel=='data')].href").value(contains("http://localhost/ogc/collections")))
                .andExpect(jsonPath("$.links[?(@.rel=='service-desc')].type")
                        .value(contains("application/vnd.oai.openapi+json;version=3.0")));
        mvc.perform(get("/ogc/conformance"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conformsTo")
                        .value(containsInAnyOrder(CONF + "core", CONF + "geojson", CONF + "oas30")));
    }

    @Test
    void collections_list_only_readable_layers_with_extent_and_links() throws Exception {
        mvc.perform(get("/ogc/collections"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.links[0].rel").value("self"))
                .andExpect(jsonPath("$.collections[*].id").value(contains("roads", "stations")));
        mvc.perform(get("/ogc/collections/stations").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("stations"))
                .andExpect(jsonPath("$.title").value("Layer stations"))
                .andExpect(jsonPath("$.itemType").value("feature"))
                .andExpect(jsonPath("$.crs[0]").value("http://www.opengis.net/def/crs/OGC/1.3/CRS84"))
                .andExpect(jsonPath("$.extent.spatial.bbox[0]").value(contains(116.0, 39.5, 116.48, 39.74)))
                .andExpect(jsonPath("$.extent.spatial.crs").value("http://www.opengis.net/def/crs/OGC/1.3/CRS84"))
                .andExpect(jsonPath("$.extent.temporal.interval[0]")
                        .value(contains("2025-01-01T00:00:00Z", "2026-12-01T00:00:00Z")))
                .andExpect(jsonPath("$.links[?(@.rel=='items')].href")
                        .value(contains("http://localhost/ogc/collections/stations/items")))
                .andExpect(jsonPath("$.links[?(@.rel=='items')].type").value(contains("application/geo+json")));
        mvc.perform(get("/ogc/collections/stations"))
                .andExpect(jsonPath("$.title").value("图层 stations"));
        mvc.perform(get("/ogc/collections/hazard"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/ogc/collections/nothing")).andExpect(status().isNotFound());
    }

    @Test
    void items_page_with_number_matched_and_next_prev_self_links() throws Exception {
        String body = mvc.perform(get("/ogc/collections/stations/items"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.numberMatched").value(25))
                .andExpect(jsonPath("$.numberReturned").value(10))
                .andExpect(jsonPath("$.features", hasSize(10)))
                .andExpect(jsonPath("$.timeStamp").value("2026-11-24T02:00:00Z"))
                .andExpect(jsonPath("$.features[0].type").value("Feature"))
                .andExpect(jsonPath("$.features[0].id").value("s0"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
                .andExpect(jsonPath("$.features[0].properties.n").value(0))
                .andExpect(jsonPath("$.links[?(@.rel=='self')].href")
                        .value(contains("http://localhost/ogc/collections/stations/items")))
                .andExpect(jsonPath("$.links[?(@.rel=='prev')]").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = fx.json
                .readTree(body)
                .get("links")
                .valueStream()
                .filter(l -> l.get("rel").asString().equals("next"))
                .map(l -> l.get("href").asString())
                .findFirst()
                .orElseThrow();
        assertThat(next).contains("offset=10").contains("limit=10");

        mvc.perform(get("/ogc/collections/stations/items").param("offset", "20").param("limit", "10"))
                .andExpect(jsonPath("$.numberReturned").value(5))
                .andExpect(jsonPath("$.features[0].id").value("s20"))
                .andExpect(jsonPath("$.links[?(@.rel=='next')]").isEmpty())
                .andExpect(jsonPath("$.links[?(@.rel=='prev')].href")
                        .value(contains("http://localhost/ogc/collections/stations/items?offset=10&limit=10")));
        mvc.perform(get("/ogc/collections/stations/items").param("offset", "100"))
                .andExpect(jsonPath("$.numberMatched").value(25))
                .andExpect(jsonPath("$.numberReturned").value(0));
    }

    @Test
    void bbox_selects_by_geometry_not_just_by_bounding_box() throws Exception {
        mvc.perform(get("/ogc/collections/stations/items").param("bbox", "116.0,39.5,116.1,39.6"))
                .andExpect(jsonPath("$.numberMatched").value(6))
                .andExpect(jsonPath("$.features[*].id").value(contains("s0", "s1", "s2", "s3", "s4", "s5")));
        // The line runs from SW to NE; this box sits in the NW corner of its bounding box, off the line.
        mvc.perform(get("/ogc/collections/roads/items").param("bbox", "116.0,39.8,116.1,39.9"))
                .andExpect(jsonPath("$.numberMatched").value(0));
        mvc.perform(get("/ogc/collections/roads/items").param("bbox", "116.15,39.6,116.25,39.8"))
                .andExpect(jsonPath("$.numberMatched").value(1));
    }

    @Test
    void datetime_filters_instants_closed_and_open_intervals() throws Exception {
        mvc.perform(get("/ogc/collections/stations/items").param("datetime", "2025-03-01T00:00:00Z"))
                .andExpect(jsonPath("$.numberMatched").value(1))
                .andExpect(jsonPath("$.features[0].id").value("s2"));
        mvc.perform(get("/ogc/collections/stations/items")
                        .param("datetime", "2025-03-01T00:00:00Z/2025-05-01T00:00:00Z"))
                .andExpect(jsonPath("$.numberMatched").value(3));
        mvc.perform(get("/ogc/collections/stations/items").param("datetime", "../2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.numberMatched").value(13));
        mvc.perform(get("/ogc/collections/stations/items").param("datetime", "2026-06-01T00:00:00Z/.."))
                .andExpect(jsonPath("$.numberMatched").value(7));
        mvc.perform(get("/ogc/collections/stations/items")
                        .param("datetime", "2026-01-01T00:00:00Z/..")
                        .param("bbox", "116.0,39.5,116.3,39.7"))
                .andExpect(jsonPath("$.numberMatched").value(4));
    }

    @Test
    void bad_parameters_are_400_problems() throws Exception {
        for (String[] p : List.of(
                new String[] {"bbox", "1,2,3"},
                new String[] {"bbox", "116,40,115,39"},
                new String[] {"datetime", "last week"},
                new String[] {"datetime", "../.."},
                new String[] {"limit", "0"},
                new String[] {"limit", "10001"},
                new String[] {"limit", "many"},
                new String[] {"offset", "-5"},
                new String[] {"colour", "red"})) {
            mvc.perform(get("/ogc/collections/stations/items").param(p[0], p[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(p[0]));
        }
        mvc.perform(get("/ogc/collections/stations/items").param("limit", "10000"))
                .andExpect(status().isOk());
    }

    @Test
    void single_item_with_self_and_collection_links() throws Exception {
        String body = mvc.perform(get("/ogc/collections/stations/items/s3"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/geo+json"))
                .andExpect(jsonPath("$.type").value("Feature"))
                .andExpect(jsonPath("$.id").value("s3"))
                .andExpect(jsonPath("$.geometry.coordinates").value(contains(116.06, 39.53)))
                .andExpect(jsonPath("$.properties.n").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode links = fx.json.readTree(body).get("links");
        assertThat(links.valueStream()
                        .map(l -> l.get("rel").asString() + " " + l.get("href").asString()))
                .containsExactly(
                        "self http://localhost/ogc/collections/stations/items/s3",
                        "collection http://localhost/ogc/collections/stations");
        mvc.perform(get("/ogc/collections/stations/items/nope")).andExpect(status().isNotFound());
        mvc.perform(get("/ogc/collections/hazard/items/s1")).andExpect(status().isForbidden());
    }

    @Test
    void requires_a_signed_in_actor() throws Exception {
        fx.actAs(null);
        mvc.perform(get("/ogc/collections")).andExpect(status().isUnauthorized());
    }
}
