package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The defaults that bound how long a message can wait on the ingest path (issue 6): the endpoint stops reading
 * before the queue in front of the writers holds more than about half a second of work, yet never so early that the
 * writers run dry.
 */
class IngestBoundsTest {
    private static final MqttEndpointProperties ENDPOINT =
            new MqttEndpointProperties(null, null, null, null, null, null);
    private static final TelemetryProperties TELEMETRY = TelemetryProperties.defaults();

    @Test
    void theEndpointStopsReadingLongBeforeTheQueueIsFull() {
        assertThat(ENDPOINT.maxInFlight()).isEqualTo(MqttEndpointProperties.DEFAULT_MAX_IN_FLIGHT);
        // At about 14,000 msg/s on two cores (benchmarks/README.md), 8,000 messages are ≈ 0.57 s of work.
        assertThat(ENDPOINT.maxInFlight()).isLessThanOrEqualTo(8_000);
        assertThat(ENDPOINT.maxInFlight()).isLessThan(TELEMETRY.queueCapacity());
    }

    @Test
    void everyWriterCanStillFillABatchTwiceOverFromWhatTheEndpointLetsIn() {
        assertThat(ENDPOINT.maxInFlight()).isGreaterThanOrEqualTo(2 * TELEMETRY.writers() * TELEMETRY.maxBatch());
    }

    @Test
    void aBatchIsSmallEnoughToStoreQuickly() {
        assertThat(TELEMETRY.maxBatch()).isEqualTo(1000);
    }

    @Test
    void explicitSettingsStillWin() {
        MqttEndpointProperties endpoint = new MqttEndpointProperties(null, null, null, null, 50_000, null);
        assertThat(endpoint.maxInFlight()).isEqualTo(50_000);
    }
}
