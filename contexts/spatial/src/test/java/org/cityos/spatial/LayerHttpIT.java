package org.cityos.spatial;

import static org.cityos.spatial.LayerFixture.ECOLOGY;
import static org.cityos.spatial.LayerFixture.STEWARD;
import static org.cityos.spatial.LayerFixture.TRANSPORT;
import static org.cityos.spatial.LayerFixture.actor;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.kernel.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class LayerHttpIT {
    static final String LAYER = """
            {"id":"air","titleZh":"空气站","titleEn":"Air stations","owner":"ecology","geometryType":"point",
             "style":{"color":"#00aa00","icon":"air"},"updateFrequency":"REALTIME","access":"PUBLIC",
             "synthetic":true}""";

    final LayerFixture fx = new LayerFixture();
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = fx.mvc();
        fx.actAs(STEWARD);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String point(String id, double lon, double lat, String datetime) {
        String time = datetime == null ? "" : ",\"datetime\":\"" + datetime + "\"";
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
                + "," + lat + "]},\"properties\":{\"name\":\"" + id + "\"" + time + "}}";
    }

    void register() throws Exception {
        mvc.perform(post("/api/layers").contentType(MediaType.APPLICATION_JSON).content(LAYER))
                .andExpect(status().isCreated());
    }

    @Test
    void layer_crud_over_http() throws Exception {
        mvc.perform(post("/api/layers").contentType(MediaType.APPLICATION_JSON).content(LAYER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("air"))
                .andExpect(jsonPath("$.geometryType").value("POINT"))
                .andExpect(jsonPath("$.style.icon").value("air"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.featureCount").value(0));
        mvc.perform(get("/api/layers")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(put("/api/layers/air")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LAYER.replace("空气站", "空气质量站").replace("\"synthetic\"", "\"version\":0,\"synthetic\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.titleZh").value("空气质量站"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/layers/air")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LAYER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(delete("/api/layers/air")).andExpect(status().isNoContent());
        mvc.perform(get("/api/layers/air"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/layers/NOT..A..LAYER")).andExpect(status().isNotFound());
    }

    @Test
    void malformed_layer_requests_are_reported_field_by_field() throws Exception {
        mvc.perform(post("/api/layers")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"Bad Id\",\"titleZh\":\"x\",\"titleEn\":\"x\",\"owner\":\"Ecology!\","
                                + "\"geometryType\":\"CIRCLE\",\"updateFrequency\":\"DAILY\",\"access\":\"SECRET\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.contains("id", "owner", "geometryType", "access")));
        fx.actAs(actor("viewer", Role.OPERATOR));
        mvc.perform(post("/api/layers").contentType(MediaType.APPLICATION_JSON).content(LAYER))
                .andExpect(status().isForbidden());
    }

    @Test
    void bulk_import_rejects_bad_features_with_their_index_and_stores_nothing() throws Exception {
        register();
        mvc.perform(put("/api/layers/air/features")
                        .header("Accept-Language", "en")
                        .contentType("application/geo+json")
                        .content(collection(
                                point("a", 116.3, 39.7, null),
                                point("b", 116.3, 95.0, null),
                                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":\"x\"}}")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(containsString("invalid-features")))
                .andExpect(jsonPath("$.detail").value(startsWith("2 feature(s) were rejected")))
                .andExpect(jsonPath("$.detail").value(containsString("index 1")))
                .andExpect(jsonPath("$.errors[0].field").value("features[1].geometry"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("Position (116.3, 95.0)")))
                .andExpect(jsonPath("$.errors[1].field").value("features[2].geometry"))
                .andExpect(jsonPath("$.errors[1].message").value(startsWith("The coordinates")));
        mvc.perform(put("/api/layers/air/features")
                        .contentType("application/geo+json")
                        .content(collection(point("a", 116.3, 39.7, null), point("b", 116.3, 95.0, null))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("features[1].geometry"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("超出")));
        mvc.perform(put("/api/layers/air/features")
                        .contentType("application/geo+json")
                        .content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/layers/air")).andExpect(jsonPath("$.featureCount").value(0));
    }

    @Test
    void bulk_replace_append_and_read_back_as_geojson_in_a_chosen_crs() throws Exception {
        register();
        mvc.perform(put("/api/layers/air/features")
                        .contentType("application/geo+json")
                        .content(collection(
                                point("a", 116.30, 39.70, "2026-01-01T00:00:00Z"), point("b", 116.40, 39.80, null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(2))
                .andExpect(jsonPath("$.featureCount").value(2));
        mvc.perform(post("/api/layers/air/features")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(collection(point("c", 116.50, 39.60, null))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.featureCount").value(3));

        mvc.perform(get("/api/layers/air/features").param("bbox", "116.25,39.65,116.45,39.85"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.numberMatched").value(2))
                .andExpect(jsonPath("$.numberReturned").value(2))
                .andExpect(jsonPath("$.features[0].id").value("a"))
                .andExpect(jsonPath("$.features[0].properties.name").value("a"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0]").value(116.30));
        mvc.perform(get("/api/layers/air/features/a").param("crs", "gcj02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.geometry.coordinates[0]").value(closeTo(116.30606, 0.0005)));
        mvc.perform(get("/api/layers/air/features").param("crs", "mars")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/layers/air/features").param("limit", "10001")).andExpect(status().isBadRequest());
    }

    @Test
    void single_features_and_file_import() throws Exception {
        register();
        mvc.perform(put("/api/layers/air/features/s-1")
                        .contentType("application/geo+json")
                        .content(point("ignored", 116.3, 39.7, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("s-1"));
        mvc.perform(delete("/api/layers/air/features/s-1")).andExpect(status().isNoContent());
        mvc.perform(get("/api/layers/air/features/s-1")).andExpect(status().isNotFound());

        MockMultipartFile file = new MockMultipartFile(
                "file",
                "air.geojson",
                "application/geo+json",
                collection(point("f1", 116.3, 39.7, null), point("f2", 116.31, 39.71, null))
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/layers/air/features/import").file(file).param("mode", "append"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.featureCount").value(2));
        MockMultipartFile junk =
                new MockMultipartFile("file", "x.geojson", "application/json", "]]".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/layers/air/features/import").file(junk)).andExpect(status().isBadRequest());
    }

    @Test
    void restricted_layers_answer_403_to_other_departments() throws Exception {
        mvc.perform(post("/api/layers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(LAYER.replace("PUBLIC", "RESTRICTED")))
                .andExpect(status().isCreated());
        fx.actAs(actor("t", Role.DEPARTMENT_HANDLER, TRANSPORT));
        mvc.perform(get("/api/layers")).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/layers/air"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/layers/air/features")).andExpect(status().isForbidden());
        mvc.perform(get("/api/layers/air/clusters").param("zoom", "10")).andExpect(status().isForbidden());
        fx.actAs(actor("e", Role.DEPARTMENT_HANDLER, ECOLOGY));
        mvc.perform(get("/api/layers/air")).andExpect(status().isOk());
        fx.actAs(null);
        mvc.perform(get("/api/layers")).andExpect(status().isUnauthorized());
    }
}
