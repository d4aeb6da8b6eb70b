package org.cityos.iot;

import static org.cityos.iot.VideoFixture.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

class VideoChannelWebIT {
    static VideoFixture f;
    static final Actor[] AS = {POLICE_STEWARD};
    static MockMvc mvc;

    @BeforeAll
    static void start() {
        f = new VideoFixture();
        mvc = f.mvc(AS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String body(String gbId, String name) {
        return """
                {"gbId":"%s","name":"%s","department":"public-security","lon":116.30,"lat":39.60,
                 "streamUrl":"rtsp://m.test.invalid/%s","ptz":true,"tags":["路口"]}""".formatted(gbId, name, gbId);
    }

    private String create(String gbId) throws Exception {
        AS[0] = POLICE_STEWARD;
        String json = mvc.perform(post("/api/video-channels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(gbId, "通道" + gbId.substring(16))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grid").value(GRID.value()))
                .andExpect(jsonPath("$.streamUrl").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void createReadChangeOverHttp() throws Exception {
        String id = create("11011500001320000401");
        mvc.perform(get("/api/video-channels/" + id).param("crs", "gcj02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gbId").value("11011500001320000401"))
                .andExpect(jsonPath("$.viewable").value(true))
                .andExpect(jsonPath("$.crs").value("gcj02"));
        mvc.perform(put("/api/video-channels/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("11011500001320000401", "改名").replace("}", ",\"version\":0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/video-channels/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("11011500001320000401", "再改").replace("}", ",\"version\":0}")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/video-channels").param("division", "110115001000").param("q", "改名"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].streamUrl").doesNotExist());
    }

    @Test
    void badInputIsAProblemWithFieldErrorsNeverA500() throws Exception {
        mvc.perform(post("/api/video-channels")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("1101150000132000040X", "x").replace("rtsp://", "ftp://")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("gbId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("streamUrl")));
        mvc.perform(post("/api/video-channels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lon")));
        mvc.perform(post("/api/video-channels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{oops"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/video-channels/not-a-uuid")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/video-channels").param("division", "11")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/video-channels").param("status", "BROKEN")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/video-channels").param("limit", "5000")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/gb28181/validate")).andExpect(status().isBadRequest());
    }

    @Test
    void duplicateGbIdIs409() throws Exception {
        create("11011500001320000402");
        mvc.perform(post("/api/video-channels")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("11011500001320000402", "重复")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(containsString("video-channel-gb-id-taken")));
    }

    @Test
    void sessionsGrantsAndTheAccessLog() throws Exception {
        String id = create("11011500001320000403");
        AS[0] = TRAFFIC_VIEWER;
        mvc.perform(post("/api/video-channels/" + id + "/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\":\"路况\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        AS[0] = POLICE_STEWARD;
        mvc.perform(post("/api/video-channels/" + id + "/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"traffic\",\"expiresAt\":\"2026-12-01T00:00:00+08:00\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.department").value("traffic"));
        mvc.perform(post("/api/video-channels/" + id + "/grants")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"department\":\"traffic\",\"expiresAt\":\"next week\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
        AS[0] = TRAFFIC_VIEWER;
        mvc.perform(post("/api/video-channels/" + id + "/sessions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\":\"路况\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.streamUrl").value("rtsp://m.test.invalid/11011500001320000403"));
        mvc.perform(get("/api/video-channels/" + id + "/access-log")).andExpect(status().isForbidden());
        AS[0] = AUDITOR;
        mvc.perform(get("/api/video-channels/" + id + "/access-log"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].allowed").value(true))
                .andExpect(jsonPath("$.items[1].allowed").value(false));
        AS[0] = POLICE_STEWARD;
        mvc.perform(delete("/api/video-channels/" + id + "/grants").param("department", "traffic"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedBy").value("police-steward"));
        mvc.perform(get("/api/video-channels/" + id + "/grants"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].revokedAt").exists());
    }

    @Test
    void validateReturnsPartsOrErrors() throws Exception {
        mvc.perform(get("/api/gb28181/validate").param("id", "11011500001320000001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.parts.district").value("15"))
                .andExpect(jsonPath("$.parts.type.nameZh").value("网络摄像机(IPC)"))
                .andExpect(jsonPath("$.parts.industry.nameZh").value("社会治安路面接入"));
        mvc.perform(get("/api/gb28181/validate")
                        .param("id", "11011600001325000001")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].part").value("centre"))
                .andExpect(jsonPath("$.errors[1].part").value("network"))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("network table")));
    }

    @Test
    void importsReportRowsAndDryRuns() throws Exception {
        String csv = "gb_id,name,department,lon,lat,stream_url\n"
                + "11011500001320000411,导入一,public-security,116.30,39.60,rtsp://m.test.invalid/11\n"
                + "11011500001320000412,导入二,public-security,1000,39.60,rtsp://m.test.invalid/12\n";
        MockMultipartFile file =
                new MockMultipartFile("file", "c.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        AS[0] = POLICE_STEWARD;
        mvc.perform(multipart("/api/video-channels/imports").file(file).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.issues[0].row").value(2))
                .andExpect(jsonPath("$.issues[0].field").value("lon"));
        mvc.perform(multipart("/api/video-channels/imports")
                        .file(new MockMultipartFile("file", "c.txt", "text/plain", new byte[] {1})))
                .andExpect(status().isUnsupportedMediaType());
    }
}
