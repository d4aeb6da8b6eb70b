package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadingPayloadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ReadingPayload payload = new ReadingPayload(1_732_435_200_000L);

    @Test
    void isThingsBoardFormWithExactlyThreeValuesInRangeAndTheTsOfItsSequence() {
        JsonNode message = JSON.readTree(new String(payload.encode(9_999, 41), StandardCharsets.US_ASCII));

        assertThat(message.path("ts").asLong()).isEqualTo(1_732_435_200_041L);
        JsonNode values = message.path("values");
        assertThat(values.propertyNames()).containsExactlyInAnyOrder("pm25", "temperature", "humidity");
        assertThat(values.path("pm25").asDouble()).isBetween(0.0, 1000.0);
        assertThat(values.path("temperature").asDouble()).isBetween(-40.0, 60.0);
        assertThat(values.path("humidity").asDouble()).isBetween(0.0, 100.0);
    }

    @Test
    void storedTsMapsBackToTheSequenceAndForeignTsToMinusOne() {
        assertThat(payload.seq(payload.ts(123))).isEqualTo(123);
        assertThat(payload.seq(payload.baseMillis() - 1)).isEqualTo(-1);
    }

    @Test
    void batchIsAnArrayOfConsecutiveReadings() {
        JsonNode batch = JSON.readTree(payload.batch(3, 10, 500));

        assertThat(batch.isArray()).isTrue();
        assertThat(batch.size()).isEqualTo(500);
        assertThat(batch.get(0).path("ts").asLong()).isEqualTo(payload.ts(10));
        assertThat(batch.get(499).path("ts").asLong()).isEqualTo(payload.ts(509));
    }
}
