package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Device ingest over HTTP as devices, integrations and operators use it, through the assembled CityOS. */
class TelemetrySystemTest extends SystemTest {

    Api.Response ingest(String path, String deviceToken, String body, Map<String, String> headers) {
        return api.raw("POST", path, deviceToken, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static String range() {
        Instant now = Instant.now();
        return "&from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(3600);
    }

    @Test
    void aDevicePostsReadingsThatTheTelemetryApiReturns() {
        String steward = api.login("steward", DEMO_PASSWORD);
        String id = registerDevice(steward, "rain-gauge", "RG-S-1", 116.34, 39.73);
        String device = issueToken(steward, id);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Api.Response stored =
                ingest("/api/ingest/telemetry", device, "{\"precipitation\": 12.5, \"battery\": 88}", json);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("outcome").asString()).isEqualTo("STORED");

        JsonNode series = api.get("/api/devices/" + id + "/telemetry?property=precipitation" + range(), steward)
                .json();
        assertThat(series.get("points").get(0).get("value").asDouble()).isEqualTo(12.5);
        JsonNode latest = api.get("/api/devices/" + id + "/latest", steward).json();
        assertThat(latest.get("battery").asDouble()).isEqualTo(88.0);
        assertThat(latest.get("device").asString()).isEqualTo(id);
        // Scope and role: another town sees nothing of it; a leader reads but may not command it.
        String townB = api.login("town-b", DEMO_PASSWORD);
        assertThat(api.get("/api/devices/" + id + "/telemetry?property=precipitation" + range(), townB)
                        .status())
                .isIn(403, 404);
        assertThat(api.get("/api/devices/" + id + "/latest", townB).status()).isIn(403, 404);
        assertThat(api.post(
                                "/api/devices/" + id + "/commands",
                                api.login("leader", DEMO_PASSWORD),
                                Map.of("name", "reboot"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/devices/" + id + "/telemetry?property=precipitation", steward)
                        .status())
                .isEqualTo(400);

        // A batch with an idempotency key counts once however often it is retried.
        String batch = "[{\"ts\": " + (System.currentTimeMillis() - 60_000) + ", \"values\": {\"precipitation\": 1}},"
                + "{\"ts\": " + (System.currentTimeMillis() - 30_000) + ", \"values\": {\"precipitation\": 2}}]";
        Map<String, String> keyed = Map.of("Content-Type", "application/json", "Idempotency-Key", "batch-7");
        assertThat(ingest("/api/ingest/telemetry", device, batch, keyed)
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("STORED");
        assertThat(ingest("/api/ingest/telemetry", device, batch, keyed)
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("DUPLICATE");
        assertThat(api.get("/api/devices/" + id + "/telemetry?property=precipitation" + range(), steward)
                        .json()
                        .get("points")
                        .size())
                .isEqualTo(3);
        // Downsampled: one bucket holding all three.
        JsonNode avg = api.get(
                        "/api/devices/" + id + "/telemetry?property=precipitation&aggregation=count&interval=PT2H"
                                + range(),
                        steward)
                .json();
        assertThat(avg.get("points").findValues("count").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(3);
    }

    @Test
    void badInputIsRefusedOrDeadLetteredWithTheReason() {
        String steward = api.login("steward", DEMO_PASSWORD);
        String id = registerDevice(steward, "rain-gauge", "RG-S-2", 116.35, 39.74);
        String other = registerDevice(steward, "rain-gauge", "RG-S-3", 116.36, 39.74);
        String device = issueToken(steward, id);
        Map<String, String> json = Map.of("Content-Type", "application/json");

        Api.Response noToken = ingest("/api/ingest/telemetry", null, "{\"precipitation\": 1}", json);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        assertThat(ingest("/api/ingest/telemetry", "cod_" + "x".repeat(43), "{\"precipitation\": 1}", json)
                        .status())
                .isEqualTo(401);

        Api.Response malformed = ingest("/api/ingest/telemetry", device, "{\"precipitation\": ", json);
        assertThat(malformed.status()).isEqualTo(202);
        assertThat(malformed.json().get("outcome").asString()).isEqualTo("DEAD_LETTERED");
        Api.Response wrongType = ingest("/api/ingest/telemetry", device, "{\"precipitation\": \"lots\"}", json);
        assertThat(wrongType.json().get("outcome").asString()).isEqualTo("DEAD_LETTERED");
        JsonNode letters =
                api.get("/api/iot/dead-letters?device=" + id, steward).json();
        assertThat(letters.get("total").asLong()).isEqualTo(2);
        assertThat(letters.toString()).contains("precipitation").contains("UNDECODABLE");

        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) ' ');
        Api.Response huge = api.raw("POST", "/api/ingest/telemetry", device, json, tenMegabytes);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        Api.Response spoof =
                ingest("/api/ingest/devices/" + other + "/telemetry", device, "{\"precipitation\": 1}", json);
        assertThat(spoof.status()).isEqualTo(403);
        assertThat(spoof.json().get("type").asString()).endsWith("/not-your-device");

        // Revoked: refused at once on this node.
        assertThat(api.delete("/api/devices/" + id + "/credentials", steward).status())
                .isEqualTo(204);
        assertThat(ingest("/api/ingest/telemetry", device, "{\"precipitation\": 1}", json)
                        .status())
                .isEqualTo(401);

        // Still running, and every refusal counted.
        String metrics = api.get("/actuator/prometheus", admin()).body();
        assertThat(metrics).contains("cityos_ingest_refused_total{channel=\"HTTP\",reason=\"credentials\"");
        assertThat(metrics).contains("reason=\"spoofing\"");
        assertThat(metrics).contains("cityos_ingest_dead_letters_total{reason=\"UNDECODABLE\"");
    }

    @Test
    void aPlatformIntegrationPushesByVendorSerialAndUnknownDevicesAreDeadLettered() {
        String steward = api.login("steward", DEMO_PASSWORD);
        String id = registerDevice(steward, "water-meter", "NB-0001", 116.37, 39.75);
        Api.Response created = api.post(
                "/api/iot/integrations",
                steward,
                Map.of(
                        "name", "电信 NB-IoT 平台",
                        "vendor", "acme",
                        "deviceKeyPath", "imei",
                        "deviceKeyKind", "SERIAL",
                        "itemsPath", "data"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String integration = created.json().get("integration").get("id").asString();
        String secret = created.json().get("token").asString();
        String push = "{\"data\": [{\"imei\": \"NB-0001\", \"volume\": 1234.5, \"battery\": 76},"
                + " {\"imei\": \"NB-9999\", \"volume\": 1}]}";
        Api.Response pushed = ingest(
                "/api/ingest/integrations/" + integration, secret, push, Map.of("Content-Type", "application/json"));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(202);
        assertThat(pushed.json().get("stored").asInt()).isEqualTo(1);
        assertThat(pushed.json().get("deadLettered").asInt()).isEqualTo(1);
        assertThat(api.get("/api/devices/" + id + "/latest", steward)
                        .json()
                        .get("readings")
                        .get("volume")
                        .get("value")
                        .asDouble())
                .isEqualTo(1234.5);
        assertThat(api.get("/api/iot/dead-letters?reason=UNKNOWN_DEVICE", steward)
                        .body())
                .contains("NB-9999");
        assertThat(ingest(
                                "/api/ingest/integrations/" + integration,
                                "coi_wrong",
                                push,
                                Map.of("Content-Type", "application/json"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTypesDeclarativeMappingReadsAVendorPayloadWithoutCode() {
        String steward = api.login("steward", DEMO_PASSWORD);
        Map<String, Object> broken = Map.of(
                "form",
                "MAPPED",
                "mapping",
                Map.of("properties", List.of(Map.of("path", "/t", "property", "nope", "unit", "furlong"))));
        Api.Response refused = api.put("/api/device-types/weather-station/payload-mapping", steward, broken);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("properties[0]");
        Map<String, Object> mapping = Map.of(
                "form",
                "MAPPED",
                "mapping",
                Map.of(
                        "timestamp", Map.of("path", "time", "format", "yyyy-MM-dd HH:mm:ss", "zone", "Asia/Shanghai"),
                        "properties",
                                List.of(
                                        Map.of("path", "data.t_f", "property", "temperature", "unit", "°F"),
                                        Map.of("path", "/data/rh", "property", "humidity"))));
        Api.Response kept = api.put("/api/device-types/weather-station/payload-mapping", steward, mapping);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);

        String id = registerDevice(steward, "weather-station", "WS-S-1", 116.39, 39.77);
        String device = issueToken(steward, id);
        String vendor = "{\"time\": \"2026-11-24 10:00:00\", \"data\": {\"t_f\": 68, \"rh\": 40}}";
        assertThat(ingest("/api/ingest/telemetry", device, vendor, Map.of("Content-Type", "application/json"))
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("STORED");
        JsonNode t = api.get(
                        "/api/devices/" + id + "/telemetry?property=temperature"
                                + "&from=2026-11-24T01:00:00Z&to=2026-11-24T03:00:00Z",
                        steward)
                .json()
                .get("points")
                .get(0);
        assertThat(t.get("value").asDouble()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.get("at").asString()).isEqualTo("2026-11-24T02:00:00Z");
        api.put("/api/device-types/weather-station/payload-mapping", steward, Map.of());
    }

    @Test
    void installedDevicesNeverHeardFromAreListedUntilTheyReport() {
        String steward = api.login("steward", DEMO_PASSWORD);
        String id = registerDevice(steward, "soil-moisture", "SM-S-1", 116.40, 39.70);
        assertThat(api.post("/api/devices/" + id + "/transitions", steward, Map.of("to", "INSTALLED"))
                        .status())
                .isIn(200, 204);
        assertThat(api.get("/api/iot/connectivity/devices?health=silent&type=soil-moisture", steward)
                        .body())
                .contains(id);
        String device = issueToken(steward, id);
        ingest("/api/ingest/telemetry", device, "{\"soilMoisture\": 31}", Map.of("Content-Type", "application/json"));
        // The latest state is flushed every second here by its own job.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/iot/connectivity/devices?health=online&type=soil-moisture", steward)
                        .body()
                        .contains(id));
        assertThat(api.get("/api/iot/connectivity/devices?health=silent&type=soil-moisture", steward)
                        .body())
                .doesNotContain(id);
        JsonNode counts =
                api.get("/api/iot/connectivity?type=soil-moisture", steward).json();
        assertThat(counts.get(0).get("online").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/iot/connectivity/devices?health=sleepy", steward)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theLiveStreamPushesLatestChangesInScope() throws Exception {
        String steward = api.login("steward", DEMO_PASSWORD);
        String id = registerDevice(steward, "noise-monitor", "NM-S-1", 116.38, 39.76);
        String device = issueToken(steward, id);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/iot/live?type=noise-monitor"))
                .header("Authorization", "Bearer " + steward)
                .header("Accept", "text/event-stream")
                .build();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    r.body().forEach(lines::add);
                    return null;
                });
        assertThat(poll(lines, "event:ready")).isNotNull();
        ingest("/api/ingest/telemetry", device, "{\"laeq\": 61.5}", Map.of("Content-Type", "application/json"));
        String data = poll(lines, id);
        assertThat(data).contains("laeq").contains("61.5");
        stream.cancel(true);
    }

    private static String poll(LinkedBlockingQueue<String> lines, String wanted) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").contains(wanted.replace(" ", ""))) {
                return line;
            }
        }
        throw new AssertionError("no line with " + wanted);
    }
}
