package org.cityos.kafka;

/** Kafka did not acknowledge a record (broker unreachable, timeout, refused): the caller must not ack upstream. */
public final class RecordNotAppended extends RuntimeException {
    public RecordNotAppended(String topic, String key, Throwable cause) {
        super("record with key '" + key + "' was not appended to " + topic + ": " + cause.getMessage(), cause);
    }
}
