package org.cityos.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cityos.kernel.GeoPoint;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The POI endpoints with the real problem handling: good calls, and bad input that must be 4xx, never 500. */
class PoiWebIT {
    static PoiFixture f;
    static final Actor[] AS = {PoiFixture.STEWARD};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new PoiFixture();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void steward() {
        AS[0] = PoiFixture.STEWARD;
    }

    @Test
    void crudOverHttpWithVersionsAndCrs() throws Exception {
        GeoPoint gcj = Crs.GCJ02.fromWgs84(new GeoPoint(116.33, 39.73));
        String body = """
                {"classCode":"hospital","name":"大兴区人民医院","lon":%s,"lat":%s,"crs":"gcj02","externalId":"web-1"}
                """.formatted(gcj.lon(), gcj.lat());
        MvcResult created = mvc.perform(post("/api/pois")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.division").value("110115001000"))
                .andExpect(jsonPath("$.crs").value("GCJ02"))
                .andReturn();
        String id = json(created).get("id").asString();
        mvc.perform(get("/api/pois/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lon").value(116.33))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/pois").param("q", "医院"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("大兴区人民医院"));
        mvc.perform(get("/api/pois/nearest")
                        .param("lon", "116.33")
                        .param("lat", "39.73")
                        .param("k", "1"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].distanceM").value(0.0));
        mvc.perform(put("/api/pois/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"externalId\"", "\"version\":0,\"externalId\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/pois/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"externalId\"", "\"version\":0,\"externalId\"")))
                .andExpect(status().isConflict());
        AS[0] = PoiFixture.LEADER;
        mvc.perform(delete("/api/pois/" + id).param("version", "1")).andExpect(status().isForbidden());
        AS[0] = PoiFixture.STEWARD;
        mvc.perform(delete("/api/pois/" + id).param("version", "1")).andExpect(status().isNoContent());
        mvc.perform(get("/api/pois/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsAProblemNeverAServerError() throws Exception {
        expect400(
                get("/api/pois/nearest")
                        .param("lon", "116.3")
                        .param("lat", "39.7")
                        .param("k", "201"),
                "k");
        expect400(get("/api/pois/nearest").param("lon", "181").param("lat", "39.7"), "lon");
        expect400(get("/api/pois/nearest").param("lon", "abc").param("lat", "39.7"), null);
        expect400(
                get("/api/pois/nearest")
                        .param("lon", "116.3")
                        .param("lat", "39.7")
                        .param("crs", "utm"),
                "crs");
        expect400(
                get("/api/pois/within")
                        .param("lon", "116.3")
                        .param("lat", "39.7")
                        .param("radius", "0"),
                "radius");
        expect400(
                get("/api/pois/within")
                        .param("lon", "116.3")
                        .param("lat", "39.7")
                        .param("radius", "50001"),
                "radius");
        expect400(get("/api/pois").param("class", "no-such"), "class");
        expect400(get("/api/pois").param("division", "12"), "division");
        expect400(get("/api/pois/not-a-uuid"), "id");
        expect400(
                post("/api/pois/within-polygon")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"Polygon\""),
                "polygon");
        expect400(
                post("/api/pois/within-polygon")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}"),
                "polygon");
        expect400(
                post("/api/pois")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classCode\":\"unknown\",\"name\":\"x\",\"lon\":116.3,\"lat\":39.7}"),
                "class");
        expect400(
                post("/api/pois")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classCode\":\"park\",\"name\":\"x\",\"lon\":116.3}"),
                "lat");
        mvc.perform(post("/api/pois")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"classCode\":\"park\",\"name\":\"天安门\",\"lon\":116.397,\"lat\":39.908}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("poi-outside-district")));
        mvc.perform(get("/api/pois/export").param("format", "pdf")).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/pois/imports")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[] {1})))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(multipart("/api/pois/imports")
                        .file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[65 * 1024 + 1])))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(multipart("/api/pois/imports")
                        .file(new MockMultipartFile(
                                "file", "a.csv", "text/csv", "名称,经度\nx,1\n".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("unreadable-poi-file")));
        mvc.perform(post("/api/poi-classes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/poi-classes/nope")).andExpect(status().isNotFound());
    }

    @Test
    void importJobOverHttpReportsProgressAndRowIssuesInTheCallersLanguage() throws Exception {
        String csv = "name,class,lon,lat\n南海子公园,park,116.45,39.77\n,park,116.45,39.77\n";
        MvcResult started = mvc.perform(multipart("/api/pois/imports")
                        .file(new MockMultipartFile("file", "p.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/pois/imports/")))
                .andReturn();
        String id = json(started).get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(mvc.perform(get("/api/pois/imports/" + id)).andReturn())
                        .get("state")
                        .asString()
                        .equals("SUCCEEDED"));
        mvc.perform(get("/api/pois/imports/" + id).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.rowsRead").value(2))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.issues[0].row").value(2))
                .andExpect(jsonPath("$.issues[0].field").value("name"))
                .andExpect(jsonPath("$.issues[0].message").value("must be given"));
        AS[0] = PoiFixture.WEST_STEWARD;
        mvc.perform(get("/api/pois/imports/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void exportStreamsInEachFormat() throws Exception {
        f.pois.place(
                PoiFixture.STEWARD,
                new PoiDraft("sports-venue", "全民健身中心", new GeoPoint(116.35, 39.75), null, null, null, null));
        MvcResult csv = mvc.perform(
                        get("/api/pois/export").param("format", "csv").param("class", "sports-venue"))
                .andExpect(request().asyncStarted())
                .andReturn();
        String text = mvc.perform(asyncDispatch(csv))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("pois.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("全民健身中心").startsWith("\uFEFFid,external_id,name,class");
        MvcResult geo =
                mvc.perform(get("/api/pois/export").param("format", "geojson")).andReturn();
        mvc.perform(asyncDispatch(geo))
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"));
    }

    private static void expect400(org.springframework.test.web.servlet.RequestBuilder request, String field)
            throws Exception {
        var result = mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(field));
        }
    }

    private static JsonNode json(MvcResult r) throws Exception {
        return JsonMapper.builder().build().readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
