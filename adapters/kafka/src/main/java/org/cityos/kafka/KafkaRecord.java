package org.cityos.kafka;

import java.time.Instant;
import java.util.Map;

/**
 * One record read from a topic. {@code value} is the array Kafka handed over (not copied); records
 * compare by identity of that array, so compare values with {@link java.util.Arrays#equals}.
 *
 * @param timestamp when the producer created the record (or the broker appended it, per topic setting)
 * @param headers the record's headers read as UTF-8; the last wins when a name repeats
 */
public record KafkaRecord(
        String topic,
        int partition,
        long offset,
        String key,
        byte[] value,
        Instant timestamp,
        Map<String, String> headers) {

    public KafkaRecord {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
