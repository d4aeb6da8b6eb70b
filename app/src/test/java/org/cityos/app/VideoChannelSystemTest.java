package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The video channel catalogue over real authentication: GB/T 28181 ids, who may open a stream, the access log. */
class VideoChannelSystemTest extends SystemTest {
    private static final String GB_ID = "11011500001320000123";

    @Test
    void onlyTheOwnerOpensAStreamAndEveryAttemptIsLogged() {
        String steward = api.login("steward", DEMO_PASSWORD);
        JsonNode check = api.get("/api/gb28181/validate?id=" + GB_ID, steward).json();
        assertThat(check.toString()).contains("132");
        JsonNode bad = api.get("/api/gb28181/validate?id=12345", steward).json();
        assertThat(bad.toString()).doesNotContain("\"valid\":true");

        Map<String, Object> channel = Map.of(
                "gbId",
                GB_ID,
                "name",
                "兴华大街与金星路路口",
                "department",
                "urban-management",
                "lon",
                116.341,
                "lat",
                39.726,
                "streamUrl",
                "rtsp://media.example.invalid/live/123",
                "ptz",
                true);
        Api.Response created = api.post("/api/video-channels", steward, channel);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.body()).doesNotContain("rtsp://");
        assertThat(api.post("/api/video-channels", steward, channel).status()).isEqualTo(409);

        Api.Response owner = api.post(
                "/api/video-channels/" + id + "/sessions",
                api.login("dept-urban", DEMO_PASSWORD),
                Map.of("purpose", "路口拥堵核查"));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
        assertThat(owner.body()).contains("rtsp://media.example.invalid/live/123");
        Api.Response stranger = api.post(
                "/api/video-channels/" + id + "/sessions", api.login("town-b", DEMO_PASSWORD), Map.of("purpose", "好奇"));
        assertThat(stranger.status()).isEqualTo(403);

        JsonNode log = api.get("/api/video-channels/" + id + "/access-log", api.login("auditor", DEMO_PASSWORD))
                .json();
        assertThat(log.get("total").asLong()).isEqualTo(2);
        assertThat(log.toString()).contains("dept-urban").contains("town-b");
    }
}
