package org.cityos.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.cityos.iot.MqttEndpointConfiguration;
import org.cityos.mqtt.client.MqttClient;
import org.cityos.mqtt.client.MqttClientOptions;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.testkit.TestPostgres;
import org.cityos.testkit.ThrowawayDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out mode with Kafka: two CityOS nodes on one database and one in-JVM KRaft broker. Device messages over
 * HTTP and MQTT go through {@code cityos.telemetry.inbound} keyed by device id, the nodes share the partitions of
 * {@code cityos-ingest}, every message is stored exactly once, and domain events are relayed to
 * {@code cityos.events}.
 */
class KafkaModeIT {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String INBOUND = "cityos.telemetry.inbound";
    static final String GROUP = "cityos-ingest";

    static EmbeddedKafkaKraftBroker broker;
    static Admin admin;
    static RunningCityOs a;
    static RunningCityOs b;
    static String steward;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 4);
        // A group's first member would otherwise wait 3 s for others before taking partitions.
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        Path keys = ThrowawayDirectories.create("cityos-kafka-mode").resolve("audit.key");
        Map<String, Object> shared = new HashMap<>();
        shared.put("cityos.db.url", TestPostgres.newDatabase());
        shared.put("cityos.kafka.bootstrap-servers", broker.getBrokersAsString());
        shared.put("cityos.kafka.partitions", "4");
        shared.put("cityos.kafka.poll-timeout", "100ms");
        shared.put("cityos.kafka.retry-backoff-base", "50ms");
        shared.put("cityos.kafka.retry-backoff-max", "500ms");
        shared.put("cityos.kafka.delivery-timeout", "30s");
        shared.put("cityos.iot.telemetry.latest-flush-interval", "1s");
        shared.put("cityos.kafka.max-block", "5s");
        shared.put("cityos.spatial.gazetteer.addresses", "3000");
        shared.put("cityos.spatial.poi.synthetic-count", "600");
        a = RunningCityOs.start(keys, shared);
        b = RunningCityOs.start(keys, shared);
        steward = a.api.login("steward", SystemTest.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {b, a, admin}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // Closing the rest matters more than this one's complaint.
            }
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    record Registered(String id, String token) {}

    static Registered device(String serial, double lon) {
        Map<String, Object> body = Map.of(
                "type",
                "rain-gauge",
                "name",
                "Kafka " + serial,
                "vendor",
                "acme",
                "serial",
                serial,
                "lon",
                lon,
                "lat",
                39.73,
                "department",
                "water");
        Api.Response r = a.api.post("/api/devices?allowNearDuplicate=true", steward, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asString();
        Api.Response issued = a.api.post("/api/devices/" + id + "/credentials", steward, "{}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return new Registered(id, issued.json().get("token").asString());
    }

    static Api.Response ingest(RunningCityOs node, Registered d, String body) {
        return node.api.raw(
                "POST",
                "/api/ingest/telemetry",
                d.token(),
                Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static void await(String what, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what)
                .atMost(WAIT)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    static JdbcClient jdbc() {
        return a.context.getBean(JdbcClient.class);
    }

    static long readings(String deviceId) {
        return jdbc().sql("SELECT count(*) FROM iot_telemetry WHERE device_id = ?")
                .param(deviceId)
                .query(Long.class)
                .single();
    }

    /** Every record of a topic from the beginning, read by a consumer outside any group. */
    static List<ConsumerRecord<String, byte[]>> records(String topic, int atLeast) throws InterruptedException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long until = System.nanoTime() + WAIT.toNanos();
            while (all.size() < atLeast && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void httpAndMqttMessagesGoThroughKafkaAndBecomeQueryable() throws Exception {
        Registered d = device("KF-1", 116.301);
        Api.Response accepted = ingest(b, d, "{\"precipitation\": 7.5}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        int mqttPort = a.context
                .getBean(MqttEndpointConfiguration.DeviceEndpoint.class)
                .port();
        try (MqttClients clients = new MqttClients(1)) {
            MqttClient c = clients.connect(
                            MqttClientOptions.of("127.0.0.1", mqttPort, "kf-1").withCredentials(d.token(), null))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            c.publish(
                            "cityos/devices/" + d.id() + "/telemetry",
                            ("[{\"ts\": " + Instant.now().minusSeconds(30).toEpochMilli()
                                            + ", \"values\": {\"precipitation\": 8.5}}]")
                                    .getBytes(StandardCharsets.UTF_8),
                            1)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            c.disconnect();
        }

        await("both readings stored", () -> readings(d.id()) == 2);
        Instant now = Instant.now();
        JsonNode series = a.api.get(
                        "/api/devices/" + d.id() + "/telemetry?property=precipitation&from=" + now.minusSeconds(3600)
                                + "&to=" + now.plusSeconds(60),
                        steward)
                .json();
        assertThat(series.get("points").findValues("value").stream()
                        .map(JsonNode::asDouble)
                        .toList())
                .containsExactly(8.5, 7.5);

        List<ConsumerRecord<String, byte[]>> inbound = records(INBOUND, 2);
        assertThat(inbound).filteredOn(r -> d.id().equals(r.key())).hasSizeGreaterThanOrEqualTo(2);
        // Keyed by device: one device's messages share a partition, so they stay in order.
        assertThat(inbound.stream()
                        .filter(r -> d.id().equals(r.key()))
                        .map(ConsumerRecord::partition)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void twoNodesShareTheIngestPartitionsAndStoreEveryMessageExactlyOnce() throws Exception {
        await("both nodes hold partitions of " + GROUP, () -> {
            List<MemberDescription> members = group().members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty())
                    .toList();
            return members.size() == 2;
        });
        List<Registered> devices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            devices.add(device("KF-N-" + i, 116.31 + i * 0.001));
        }
        double before = storedOn(a) + storedOn(b);
        int sent = 0;
        long base = Instant.now().minusSeconds(600).toEpochMilli();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < devices.size(); i++) {
                RunningCityOs node = (i + round) % 2 == 0 ? a : b;
                String body =
                        "[{\"ts\": " + (base + round * 1000L) + ", \"values\": {\"precipitation\": " + round + "}}]";
                Api.Response r = ingest(node, devices.get(i), body);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                sent++;
            }
        }
        List<String> ids = devices.stream().map(Registered::id).toList();
        int expected = sent;
        await("the group has consumed everything", () -> lag() == 0 && total(ids) >= expected);

        Map<String, Object> counts = jdbc().sql("SELECT count(*) AS total, count(DISTINCT (device_id, ts)) AS distinct_"
                        + " FROM iot_telemetry WHERE device_id IN (:ids)")
                .param("ids", ids)
                .query()
                .singleRow();
        assertThat(((Number) counts.get("total")).longValue()).isEqualTo(sent);
        assertThat(((Number) counts.get("distinct_")).longValue()).isEqualTo(sent);
        // Both nodes stored a share.
        double onA = storedOn(a);
        double onB = storedOn(b);
        assertThat(onA).isPositive();
        assertThat(onB).isPositive();
        assertThat(onA + onB - before).isEqualTo(sent);
    }

    @Test
    void everyNodeAnswersTheLatestStateWhicheverNodeStoredTheReadings() throws Exception {
        List<Registered> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Registered d = device("KF-L-" + i, 116.35 + i * 0.001);
            assertThat(ingest(a, d, "{\"precipitation\": " + (20 + i) + "}").status())
                    .isEqualTo(200);
            devices.add(d);
        }
        for (Registered d : devices) {
            for (RunningCityOs node : List.of(a, b)) {
                // Until the storing node flushed it, the other node may not know it yet.
                await(
                        "latest of " + d.id() + " on both nodes",
                        () -> node.api
                                        .get("/api/devices/" + d.id() + "/latest", steward)
                                        .status()
                                == 200);
            }
            double onA = a.api.get("/api/devices/" + d.id() + "/latest", steward)
                    .json()
                    .get("readings")
                    .get("precipitation")
                    .get("value")
                    .asDouble();
            double onB = b.api.get("/api/devices/" + d.id() + "/latest", steward)
                    .json()
                    .get("readings")
                    .get("precipitation")
                    .get("value")
                    .asDouble();
            assertThat(onA).isEqualTo(onB).isEqualTo(20 + devices.indexOf(d));
        }
    }

    @Test
    void aDomainEventIsRelayedToTheEventsTopic() throws Exception {
        Registered d = device("KF-E-1", 116.399);
        long until = System.nanoTime() + WAIT.toNanos();
        ConsumerRecord<String, byte[]> found = null;
        while (found == null && System.nanoTime() < until) {
            found = records("cityos.events", 1).stream()
                    .filter(r -> d.id().equals(r.key()))
                    .filter(r -> header(r, "cityos-event-type").equals("iot.device-registered"))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(found)
                .as("DeviceRegistered of " + d.id() + " on cityos.events")
                .isNotNull();
        assertThat(new String(found.value(), StandardCharsets.UTF_8)).contains(d.id());
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    static double storedOn(RunningCityOs node) {
        return node.context
                .getBean(MeterRegistry.class)
                .counter("cityos.ingest.readings")
                .count();
    }

    static long total(List<String> ids) {
        return jdbc().sql("SELECT count(*) FROM iot_telemetry WHERE device_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    static ConsumerGroupDescription group() {
        try {
            return admin.describeConsumerGroups(List.of(GROUP))
                    .describedGroups()
                    .get(GROUP)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of the inbound topic the group has not committed yet. */
    static long lag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 4; p++) {
                latest.put(new TopicPartition(INBOUND, p), OffsetSpec.latest());
            }
            long lag = 0;
            for (var e :
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
