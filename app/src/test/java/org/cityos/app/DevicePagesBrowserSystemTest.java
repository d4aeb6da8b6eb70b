package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The device pages in a real browser ({@code web/e2e/devices.mjs} in Debian's Chromium): the steward filters the
 * registry to a light pole behind a gateway, sees it on the map, opens it, sees its readings charted, sends a
 * command and sees the device's reply change its status, imports a CSV whose second row is bad and sees that row's
 * reason in Chinese, and opens the inventory; the operator, a reader, is offered neither import nor commands.
 * Screenshots {@code devices-*.png} land in {@code app/target/e2e/}.
 */
class DevicePagesBrowserSystemTest extends SystemTest {
    private static final String[] SHOT_NAMES = {
        "devices-01-registry.png",
        "devices-02-map.png",
        "devices-03-device.png",
        "devices-04-import.png",
        "devices-05-inventory.png",
        "devices-06-english.png"
    };
    private static final String SERIAL = "DEVPAGE-LP-1";

    @Test
    void theStewardWorksThroughTheDevicePagesInChinese() throws IOException, InterruptedException {
        BrowserScript browser = BrowserScript.prepare("e2e/devices.mjs", SHOT_NAMES);
        String steward = api.login("steward", DEMO_PASSWORD);
        String gateway = register(steward, "gateway", "DEVPAGE-GW-1", null);
        String pole = register(steward, "smart-light-pole", SERIAL, gateway);
        String token = issueToken(steward, pole);
        sendReadings(steward, pole, token);

        // The gateway's page lists what reports through it, for readers too (the endpoint the page needed).
        Api.Response children = api.get("/api/devices/" + gateway + "/children", api.login("operator", DEMO_PASSWORD));
        assertThat(children.status()).as(children.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode child : children.json()) {
            ids.add(child.get("id").asString());
        }
        assertThat(ids).containsExactly(pole);
        assertThat(api.get("/api/devices/" + pole + "/children", steward).json().size())
                .isZero();

        Path csv = Files.createTempFile("devices-e2e", ".csv");
        Files.writeString(
                csv,
                "type,name,vendor,serial,lon,lat,department\n"
                        + "smart-light-pole,导入灯杆 1,acme,DEVPAGE-IMP-1,116.3420,39.7270,urban-management\n"
                        + "smart-light-pole,导入灯杆 2,acme,,116.3422,39.7272,urban-management\n",
                StandardCharsets.UTF_8);

        String said = browser.with("DEV_ID", pole)
                .with("DEV_SERIAL", SERIAL)
                .with("DEV_TOKEN", token)
                .with("DEV_CSV", csv.toString())
                .run(port, Duration.ofMinutes(2));
        assertThat(said)
                .contains("\"chartMs\":")
                .contains("\"commandToAckMs\":")
                .contains("\"importMs\":");
        // What the page showed is what the server holds: the command acknowledged, the good row imported.
        JsonNode commands =
                api.get("/api/devices/" + pole + "/commands", steward).json();
        assertThat(commands.get(0).get("status").asString()).isEqualTo("ACKNOWLEDGED");
        JsonNode imported = api.get("/api/devices?q=DEVPAGE-IMP-1", steward).json();
        assertThat(imported.get("total").asLong()).isEqualTo(1);
    }

    private String register(String steward, String type, String serial, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "type",
                type,
                "name",
                "页面测试 " + serial,
                "vendor",
                "acme",
                "serial",
                serial,
                "lon",
                116.3415,
                "lat",
                39.7265,
                "department",
                "urban-management",
                "state",
                "ACTIVE"));
        if (parent != null) {
            body.put("parent", parent);
        }
        Api.Response r = api.post("/api/devices?allowNearDuplicate=true", steward, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Readings over the last 50 minutes, so the 24-hour and the 1-hour charts both have points to draw. */
    private void sendReadings(String steward, String pole, String token) throws InterruptedException {
        Instant now = Instant.now();
        List<String> items = new ArrayList<>();
        for (int i = 10; i >= 0; i--) {
            long at = now.minus(Duration.ofMinutes(5L * i)).toEpochMilli();
            items.add("{\"ts\": " + at + ", \"values\": {\"powerConsumption\": " + (40 + i) + ", \"voltage\": 220}}");
        }
        Api.Response sent = api.raw(
                "POST",
                "/api/ingest/telemetry",
                token,
                Map.of("Content-Type", "application/json"),
                ("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        // Readings are written in batches: the page is opened once they can be read back.
        String series = "/api/devices/" + pole + "/telemetry?property=powerConsumption&from="
                + now.minus(Duration.ofHours(1)) + "&to=" + now.plusSeconds(60);
        Awaitility.await("readings stored")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            Api.Response r = api.get(series, steward);
                            return r.status() == 200 ? r.json().get("points").size() : 0;
                        },
                        points -> points == items.size());
    }
}
