package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.MqttEndpointConfiguration;
import org.cityos.mqtt.client.ConnectionRefused;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Devices over the embedded MQTT endpoint: tokens, own and gateway topics, spoofing, PUBACK → queryable, commands. */
class MqttIngestSystemTest extends SystemTest {
    @Autowired
    MqttEndpointConfiguration.DeviceEndpoint endpoint;

    final MqttClients clients = new MqttClients(1);

    @AfterEach
    void close() {
        clients.close();
    }

    record Registered(String id, String token) {}

    Registered device(String steward, String type, String serial, double lon, double lat) {
        String id = registerDevice(steward, type, serial, lon, lat);
        return new Registered(id, issueToken(steward, id));
    }

    MqttClient connect(String clientId, String username, String password) throws Exception {
        MqttClientOptions options = MqttClientOptions.of("127.0.0.1", endpoint.port(), clientId)
                .withCredentials(username, password == null ? null : password.getBytes(StandardCharsets.US_ASCII));
        return clients.connect(options).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    JsonNode latest(String steward, String id) {
        return api.get("/api/devices/" + id + "/latest", steward).json();
    }

    @Test
    void aPubackMeansTheReadingIsQueryable() throws Exception {
        String steward = api.login("steward", DEMO_PASSWORD);
        Registered d = device(steward, "waterlogging-level", "MQ-1", 116.31, 39.71);
        MqttClient c = connect("mq-1", d.token(), null);
        c.publish("cityos/devices/" + d.id() + "/telemetry", utf8("{\"currentLevel\": 0.42}"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        Instant now = Instant.now();
        JsonNode series = api.get(
                        "/api/devices/" + d.id() + "/telemetry?property=currentLevel&from=" + now.minusSeconds(60)
                                + "&to=" + now.plusSeconds(60),
                        steward)
                .json();
        assertThat(series.get("points").get(0).get("value").asDouble()).isEqualTo(0.42);
        // ThingsBoard's topic, token as the username, works the same.
        c.publish("v1/devices/me/telemetry", utf8("{\"currentLevel\": 0.5}"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(latest(steward, d.id())
                        .get("readings")
                        .get("currentLevel")
                        .get("value")
                        .asDouble())
                .isEqualTo(0.5);
        c.disconnect();
    }

    @Test
    void badCredentialsAreRefusedAndSpoofingClosesTheConnection() throws Exception {
        String steward = api.login("steward", DEMO_PASSWORD);
        Registered d = device(steward, "waterlogging-level", "MQ-2", 116.32, 39.71);
        Registered other = device(steward, "waterlogging-level", "MQ-3", 116.33, 39.71);
        assertThatThrownBy(() -> connect("mq-bad", "cod_" + "y".repeat(43), null))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectionRefused.class);
        MqttClient c = connect("mq-2", d.token(), d.token());
        CompletableFuture<Throwable> lost = new CompletableFuture<>();
        c.onConnectionLost(lost::complete);
        c.publish("cityos/devices/" + other.id() + "/telemetry", utf8("{\"currentLevel\": 9}"), 1);
        assertThat(lost.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(api.get("/api/devices/" + other.id() + "/latest", steward).status())
                .isEqualTo(404);
        assertThat(api.get("/actuator/prometheus", admin()).body())
                .contains("cityos_ingest_refused_total{channel=\"MQTT\",reason=\"spoofing\"");

        // Ten megabytes: refused by closing the connection, counted; the device can reconnect and report.
        MqttClient big = connect("mq-2b", d.token(), null);
        CompletableFuture<Throwable> bigLost = new CompletableFuture<>();
        big.onConnectionLost(bigLost::complete);
        big.publish("cityos/devices/" + d.id() + "/telemetry", new byte[10 * 1024 * 1024], 1);
        assertThat(bigLost.get(20, TimeUnit.SECONDS)).isNotNull();
        MqttClient again = connect("mq-2c", d.token(), null);
        again.publish("cityos/devices/" + d.id() + "/telemetry", utf8("{\"currentLevel\": 0.1}"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(latest(steward, d.id())
                        .get("readings")
                        .get("currentLevel")
                        .get("value")
                        .asDouble())
                .isEqualTo(0.1);
        assertThat(api.get("/actuator/prometheus", admin()).body()).contains("reason=\"oversize\"");
    }

    @Test
    void aGatewayReportsForItsChildrenOverTheGatewayTopic() throws Exception {
        String steward = api.login("steward", DEMO_PASSWORD);
        Registered gateway = device(steward, "gateway", "GW-MQ-1", 116.34, 39.72);
        Map<String, Object> child = Map.of(
                "type",
                "manhole-tilt",
                "name",
                "井盖 MQ",
                "vendor",
                "acme",
                "serial",
                "MH-MQ-1",
                "lon",
                116.341,
                "lat",
                39.721,
                "department",
                "water",
                "parent",
                gateway.id());
        Api.Response registered = api.post("/api/devices?allowNearDuplicate=true", steward, child);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String childId = registered.json().get("id").asString();
        MqttClient c = connect("gw-mq-1", gateway.token(), null);
        c.publish(
                        "v1/gateway/telemetry",
                        utf8("{\"MH-MQ-1\": [{\"ts\": " + System.currentTimeMillis()
                                + ", \"values\": {\"tiltAngle\": 12.5}}]}"),
                        1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(latest(steward, childId)
                        .get("readings")
                        .get("tiltAngle")
                        .get("value")
                        .asDouble())
                .isEqualTo(12.5);
        // Its own topic for the child is allowed too.
        c.publish("cityos/devices/" + childId + "/telemetry", utf8("{\"tiltAngle\": 13}"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(latest(steward, childId)
                        .get("readings")
                        .get("tiltAngle")
                        .get("value")
                        .asDouble())
                .isEqualTo(13.0);
    }

    @Test
    void aCommandReachesTheDeviceAndItsReplyAcknowledgesIt() throws Exception {
        String steward = api.login("steward", DEMO_PASSWORD);
        Registered d = device(steward, "smart-light-pole", "LP-MQ-1", 116.35, 39.72);
        MqttClient c = connect("lp-mq-1", d.token(), null);
        LinkedBlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        c.onMessage((topic, payload, qos, ack) -> {
            received.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)});
            ack.done();
        });
        c.subscribe(List.of("cityos/devices/" + d.id() + "/commands"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        Api.Response refused = api.post(
                "/api/devices/" + d.id() + "/commands", steward, Map.of("name", "dim", "params", Map.of("level", 500)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);

        Api.Response sent = api.post(
                "/api/devices/" + d.id() + "/commands",
                steward,
                Map.of("name", "switch", "params", Map.of("state", "on")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String commandId = sent.json().get("id").asString();
        String[] message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message[1]).contains(commandId).contains("switch");
        c.publish("cityos/devices/" + d.id() + "/commands/" + commandId + "/reply", utf8("{\"ok\": true}"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(api.get("/api/iot/commands/" + commandId, steward)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(api.get("/api/audit/records?action=iot.device.command", admin())
                        .body())
                .contains(d.id());
    }

    static Duration seconds(int n) {
        return Duration.ofSeconds(n);
    }
}
