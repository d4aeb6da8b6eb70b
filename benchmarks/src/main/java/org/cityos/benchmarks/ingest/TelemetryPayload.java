package org.cityos.benchmarks.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The telemetry a load device sends: three numeric readings, its sequence number and the intended send
 * time in epoch microseconds, as compact JSON of about 80 bytes, e.g.
 * {@code {"seq":41,"sentAt":1732435200123456,"temperature":21.53,"humidity":45.2,"pm25":12}}.
 */
public final class TelemetryPayload {
    private static final byte[] SENT_AT = "\"sentAt\":".getBytes(StandardCharsets.US_ASCII);

    private TelemetryPayload() {}

    /** Deterministic readings from device and sequence, so a run can be repeated byte for byte. */
    public static byte[] encode(int device, long seq, long sentAtMicros) {
        long mix = (device * 2_654_435_761L) ^ (seq * 40_503L);
        double temperature = 15 + Math.floorMod(mix, 2_000) / 100.0;
        double humidity = 30 + Math.floorMod(mix >>> 11, 600) / 10.0;
        int pm25 = (int) Math.floorMod(mix >>> 23, 150);
        String json = "{\"seq\":" + seq + ",\"sentAt\":" + sentAtMicros + ",\"temperature\":" + temperature
                + ",\"humidity\":" + humidity + ",\"pm25\":" + pm25 + "}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code sentAt} field of a payload made by {@link #encode}, or -1 when it has none. */
    public static long sentAtMicros(byte[] payload) {
        int at = indexOf(payload, SENT_AT);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = at + SENT_AT.length; i < payload.length && payload[i] >= '0' && payload[i] <= '9'; i++) {
            value = value * 10 + (payload[i] - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
