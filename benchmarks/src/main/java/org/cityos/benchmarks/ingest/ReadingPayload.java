package org.cityos.benchmarks.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Telemetry as CityOS ingests it, in ThingsBoard form: exactly three readings of an air micro-station and a
 * millisecond {@code ts} that identifies the message, e.g.
 * {@code {"ts":1732435200041,"values":{"pm25":12.3,"temperature":3.1,"humidity":45}}}. The timestamp is
 * {@code base + seq}, so a stored (device, ts) maps back to the sequence number the load sent, and loss checks
 * can compare what was stored with an {@link AckLedger} bit for bit.
 */
public final class ReadingPayload {
    private final long baseMillis;

    /** {@code baseMillis}: the {@code ts} of sequence 0 of every device. */
    public ReadingPayload(long baseMillis) {
        this.baseMillis = baseMillis;
    }

    public long baseMillis() {
        return baseMillis;
    }

    /** The {@code ts} of message {@code seq}. */
    public long ts(long seq) {
        return baseMillis + seq;
    }

    /** The sequence number of a stored reading's {@code ts}, or -1 when it is not one of ours. */
    public long seq(long tsMillis) {
        return tsMillis < baseMillis ? -1 : tsMillis - baseMillis;
    }

    /** One message; readings are deterministic in device and sequence and inside the type's valid ranges. */
    public byte[] encode(int device, long seq) {
        return json(device, seq).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} readings of one device as a JSON array (an HTTP batch), sequences {@code first…}. */
    public String batch(int device, long first, int count) {
        StringBuilder b = new StringBuilder(count * 72).append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(json(device, first + i));
        }
        return b.append(']').toString();
    }

    private String json(int device, long seq) {
        long mix = (device * 2_654_435_761L) ^ (seq * 40_503L);
        double pm25 = Math.floorMod(mix, 3_000) / 10.0;
        double temperature = -10 + Math.floorMod(mix >>> 11, 500) / 10.0;
        int humidity = 20 + (int) Math.floorMod(mix >>> 23, 70);
        return "{\"ts\":" + ts(seq) + ",\"values\":{\"pm25\":" + pm25 + ",\"temperature\":" + temperature
                + ",\"humidity\":" + humidity + "}}";
    }
}
