package org.cityos.iot.internal.ingest;

import java.util.List;
import org.cityos.iot.persistence.DeadLetterRow;
import org.cityos.iot.persistence.DeviceEventRow;
import org.cityos.iot.persistence.ReadingRow;

/**
 * One message after decoding: its readings, events and attributes, or the dead letter it becomes. A gateway
 * message may yield readings for several children and dead letters for children it may not speak for.
 */
record Decoded(
        List<ReadingRow> readings,
        List<DeviceEventRow> events,
        List<AttributeWrite> attributes,
        List<DeadLetterRow> deadLetters) {

    /** Reported attributes of one device, as a JSON object. */
    record AttributeWrite(String deviceId, String json) {}

    boolean stored() {
        return !readings.isEmpty() || !events.isEmpty() || !attributes.isEmpty();
    }
}
