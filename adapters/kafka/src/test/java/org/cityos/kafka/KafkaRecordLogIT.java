package org.cityos.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cityos.testkit.FreePorts;
import org.junit.jupiter.api.Test;

class KafkaRecordLogIT extends BrokerTest {
    @Test
    void appendedRecordIsConsumedWithKeyValueAndHeaders() throws Exception {
        log.ensureTopic("test.round-trip", 4);
        log.ensureTopic("test.round-trip", 4); // existing topic: no error
        Instant before = Instant.now();
        log.append("test.round-trip", "aq-0042", "{\"pm25\":38}".getBytes(UTF_8), Map.of("source", "mqtt"))
                .get(10, TimeUnit.SECONDS);

        Collected collected = new Collected();
        consumers.start("test.round-trip", "round-trip", collected);

        await().atMost(Duration.ofSeconds(20)).until(() -> collected.count() == 1);
        KafkaRecord record = collected.records().get(0);
        assertThat(record.topic()).isEqualTo("test.round-trip");
        assertThat(record.key()).isEqualTo("aq-0042");
        assertThat(new String(record.value(), UTF_8)).isEqualTo("{\"pm25\":38}");
        assertThat(record.header("source")).isEqualTo("mqtt");
        assertThat(record.offset()).isZero();
        assertThat(record.timestamp()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(meters.get("cityos.kafka.append")
                        .tag("outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void recordsOfOneKeyStayInOnePartitionInAppendOrder() throws Exception {
        log.ensureTopic("test.order", 4);
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        int keys = 16;
        int perKey = 50;
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                appends.add(log.append(
                        "test.order", "device-" + k, Integer.toString(i).getBytes(UTF_8)));
            }
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        Collected collected = new Collected();
        consumers.start("test.order", "order", collected);
        await().atMost(Duration.ofSeconds(20)).until(() -> collected.count() == keys * perKey);

        Map<String, List<KafkaRecord>> byKey =
                collected.records().stream().collect(Collectors.groupingBy(KafkaRecord::key));
        assertThat(byKey).hasSize(keys);
        List<Integer> expected =
                java.util.stream.IntStream.range(0, perKey).boxed().toList();
        byKey.forEach((key, records) -> {
            assertThat(records)
                    .extracting(KafkaRecord::partition)
                    .as(key)
                    .containsOnly(records.get(0).partition());
            assertThat(records)
                    .extracting(r -> Integer.parseInt(new String(r.value(), UTF_8)))
                    .as(key)
                    .isEqualTo(expected);
        });
        // Sixteen keys over four partitions: the keys really were spread, so order held across partitions.
        assertThat(collected.records().stream().map(KafkaRecord::partition).distinct())
                .hasSizeGreaterThan(1);
    }

    @Test
    void appendWithoutAReachableBrokerFailsWithinTheConfiguredTimeout() {
        KafkaSettings nowhere = KafkaSettings.of("127.0.0.1:" + FreePorts.next())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));
        try (KafkaRecordLog unreachable = new KafkaRecordLog(nowhere, meters)) {
            long started = System.nanoTime();
            CompletableFuture<Void> append = unreachable.append("test.nowhere", "aq-0001", new byte[] {1});

            assertThatThrownBy(() -> append.get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(RecordNotAppended.class)
                    .hasMessageContaining("test.nowhere")
                    .hasMessageContaining("aq-0001");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // Bounded by max-block (2 s) or delivery-timeout (3 s), with slack for a loaded machine.
            assertThat(elapsedMillis).isLessThan(8_000);
        }
        assertThat(meters.get("cityos.kafka.append")
                        .tag("outcome", "failed")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void nullKeyIsRefusedBecauseItWouldLoseOrder() {
        assertThatThrownBy(() -> log.append("test.order", null, new byte[0])).isInstanceOf(NullPointerException.class);
    }
}
