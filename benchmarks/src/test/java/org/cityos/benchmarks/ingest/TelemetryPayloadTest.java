package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelemetryPayloadTest {
    @Test
    void carriesSequenceSendTimeAndThreeReadingsInAboutEightyBytes() {
        byte[] payload = TelemetryPayload.encode(9_999, 123_456, 1_732_435_200_123_456L);
        String json = new String(payload, StandardCharsets.US_ASCII);

        assertThat(payload.length).isBetween(70, 100);
        assertThat(json).startsWith("{\"seq\":123456,\"sentAt\":1732435200123456,");
        assertThat(json).contains("\"temperature\":", "\"humidity\":", "\"pm25\":");
        assertThat(TelemetryPayload.sentAtMicros(payload)).isEqualTo(1_732_435_200_123_456L);
    }

    @Test
    void sameDeviceAndSequenceGiveTheSameBytes() {
        assertThat(TelemetryPayload.encode(3, 7, 1)).isEqualTo(TelemetryPayload.encode(3, 7, 1));
        assertThat(TelemetryPayload.encode(3, 7, 1)).isNotEqualTo(TelemetryPayload.encode(4, 7, 1));
    }

    @Test
    void payloadWithoutSendTimeReadsAsMinusOne() {
        assertThat(TelemetryPayload.sentAtMicros("{\"t\":1}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(-1);
        assertThat(TelemetryPayload.sentAtMicros("{\"sentAt\":x}".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(-1);
    }
}
