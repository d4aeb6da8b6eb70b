package org.cityos.kafka;

import java.util.List;

/**
 * Processes a batch of records on the consumer's own thread. Returning normally commits the batch's
 * offsets; throwing hands the same records (possibly with more behind them) over again after a
 * back-off, so a handler must be idempotent, e.g. by (topic, partition, offset) or by an id header.
 */
@FunctionalInterface
public interface BatchHandler {
    void handle(List<KafkaRecord> batch) throws Exception;
}
