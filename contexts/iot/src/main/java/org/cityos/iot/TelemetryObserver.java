package org.cityos.iot;

import java.util.List;

/**
 * Sees every batch of readings right after it was committed (or, if it {@linkplain #ahead() looks ahead}, as each
 * message is queued), on the thread that stored (or received) it, in the order the devices sent them. Observers (the rule engine) must be quick and must not throw; a slow observer slows
 * ingest. In Kafka mode a device's readings always reach the observers of the one node consuming its partition.
 */
public interface TelemetryObserver {
    void stored(List<StoredReading> readings);

    /**
     * Whether this observer looks ahead: behind the embedded ingest queue it is then told each message's readings
     * on the thread that received it, as soon as the message is queued — before it is stored, and whether or not
     * it turns out a duplicate — so that it need not wait for the queue and the batch's commit. A message whose
     * batch then fails is not acknowledged and comes again. In Kafka mode it is told after the store, like others.
     */
    default boolean ahead() {
        return false;
    }
}
