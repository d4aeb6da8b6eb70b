package org.cityos.iot;

import java.util.List;

/**
 * Sees every batch of readings right after it was committed, on the thread that stored it, in the order the
 * devices sent them. Observers (the rule engine) must be quick and must not throw; a slow observer slows
 * ingest. In Kafka mode a device's readings always reach the observers of the one node consuming its partition.
 */
public interface TelemetryObserver {
    void stored(List<StoredReading> readings);
}
