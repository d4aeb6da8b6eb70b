package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cityos.iot.internal.mqtt.BrokerIngest;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.testkit.Mosquitto;
import org.cityos.testkit.TestPostgres;
import org.cityos.testkit.ThrowawayDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale-out MQTT: devices talk to a real Mosquitto, and CityOS (embedded endpoint off) consumes their topics with
 * a persistent session through a shared subscription, sends commands back through the broker, and after being
 * stopped picks up what devices published meanwhile.
 */
class BrokerModeIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static Mosquitto mosquitto;
    static Map<String, Object> properties;
    static Path keys;
    static RunningCityOs city;
    static String steward;
    static final MqttClients clients = new MqttClients(1);

    @BeforeAll
    static void start() throws Exception {
        Path dir = ThrowawayDirectories.create("cityos-broker-mode");
        mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
        keys = dir.resolve("audit.key");
        properties = new HashMap<>();
        properties.put("cityos.db.url", TestPostgres.newDatabase());
        properties.put("cityos.iot.mqtt.enabled", "false");
        properties.put("cityos.iot.broker.host", mosquitto.host());
        properties.put("cityos.iot.broker.port", mosquitto.port());
        properties.put("cityos.iot.broker.client-id", "cityos-broker-it-1");
        properties.put("cityos.iot.broker.reconnect-delay", "200ms");
        properties.put("cityos.spatial.gazetteer.addresses", "3000");
        properties.put("cityos.spatial.poi.synthetic-count", "600");
        city = RunningCityOs.start(keys, properties);
        steward = city.api.login("steward", SystemTest.DEMO_PASSWORD);
        await(
                "CityOS connected to Mosquitto",
                () -> city.context.getBean(BrokerIngest.class).connected());
    }

    @AfterAll
    static void stop() {
        clients.close();
        if (city != null) {
            city.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what)
                .atMost(WAIT)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    static String device(String type, String serial, double lon) {
        Map<String, Object> body = Map.of(
                "type",
                type,
                "name",
                "Broker " + serial,
                "vendor",
                "acme",
                "serial",
                serial,
                "lon",
                lon,
                "lat",
                39.74,
                "department",
                "water");
        Api.Response r = city.api.post("/api/devices?allowNearDuplicate=true", steward, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static MqttClient connect(String clientId, boolean cleanSession) throws Exception {
        return clients.connect(MqttClientOptions.of(mosquitto.host(), mosquitto.port(), clientId)
                        .withCleanSession(cleanSession))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    static void publish(MqttClient c, String topic, String payload) throws Exception {
        c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    static long readings(String deviceId) {
        return city.context
                .getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM iot_telemetry WHERE device_id = ?")
                .param(deviceId)
                .query(Long.class)
                .single();
    }

    static String reading(long epochMilli, String property, double value) {
        return "[{\"ts\": " + epochMilli + ", \"values\": {\"" + property + "\": " + value + "}}]";
    }

    @Test
    void aReadingPublishedToTheBrokerBecomesQueryableAndAnUnknownDeviceIsDeadLettered() throws Exception {
        String id = device("rain-gauge", "BR-1", 116.301);
        MqttClient c = connect("br-1", true);
        publish(c, "cityos/devices/" + id + "/telemetry", "{\"precipitation\": 4.25}");
        await("the reading stored", () -> readings(id) == 1);
        Instant now = Instant.now();
        assertThat(city.api
                        .get(
                                "/api/devices/" + id + "/telemetry?property=precipitation&from=" + now.minusSeconds(600)
                                        + "&to=" + now.plusSeconds(60),
                                steward)
                        .json()
                        .get("points")
                        .get(0)
                        .get("value")
                        .asDouble())
                .isEqualTo(4.25);

        String stranger = "dev_" + "z".repeat(20);
        publish(c, "cityos/devices/" + stranger + "/telemetry", "{\"precipitation\": 1}");
        await(
                "the stranger dead-lettered",
                () -> city.api
                        .get("/api/iot/dead-letters?reason=UNKNOWN_DEVICE", steward)
                        .body()
                        .contains(stranger));
        c.disconnect();
    }

    @Test
    void aCommandReachesTheDeviceThroughTheBrokerAndItsReplyAcknowledgesIt() throws Exception {
        String id = device("smart-light-pole", "BR-LP-1", 116.302);
        MqttClient c = connect("br-lp-1", true);
        LinkedBlockingQueue<String[]> received = new LinkedBlockingQueue<>();
        c.onMessage((topic, payload, qos, ack) -> {
            received.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)});
            ack.done();
        });
        c.subscribe(List.of("cityos/devices/" + id + "/commands"), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        Api.Response sent = city.api.post(
                "/api/devices/" + id + "/commands", steward, Map.of("name", "dim", "params", Map.of("level", 30)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String commandId = sent.json().get("id").asString();
        String[] message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("command at the device").isNotNull();
        assertThat(message[0]).isEqualTo("cityos/devices/" + id + "/commands");
        assertThat(message[1]).contains(commandId).contains("dim");
        await("SENT once the broker acknowledged", () -> status(commandId).equals("SENT"));

        publish(c, "cityos/devices/" + id + "/commands/" + commandId + "/reply", "{\"ok\": true, \"result\": \"30%\"}");
        await("ACKNOWLEDGED by the reply", () -> status(commandId).equals("ACKNOWLEDGED"));
        c.disconnect();
    }

    static String status(String commandId) {
        return city.api
                .get("/api/iot/commands/" + commandId, steward)
                .json()
                .get("status")
                .asString();
    }

    @Test
    void messagesPublishedWhileCityOsIsDownAreStoredWhenItComesBack() throws Exception {
        String id = device("rain-gauge", "BR-2", 116.303);
        MqttClient c = connect("br-2", true);
        long base = Instant.now().minusSeconds(300).toEpochMilli();
        publish(c, "cityos/devices/" + id + "/telemetry", reading(base, "precipitation", 1));
        await("the first reading stored", () -> readings(id) == 1);

        city.close();
        city = null;
        // The broker holds them for CityOS's persistent session; each PUBACK here is the broker's.
        for (int i = 1; i <= 5; i++) {
            publish(c, "cityos/devices/" + id + "/telemetry", reading(base + i * 1000L, "precipitation", i + 1));
        }
        city = RunningCityOs.start(keys, properties);
        steward = city.api.login("steward", SystemTest.DEMO_PASSWORD);
        await("the readings published while down stored", () -> readings(id) == 6);
        List<Double> values = city.context
                .getBean(JdbcClient.class)
                .sql("SELECT num FROM iot_telemetry WHERE device_id = ? ORDER BY ts")
                .param(id)
                .query(Double.class)
                .list();
        assertThat(values).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        c.disconnect();
    }
}
