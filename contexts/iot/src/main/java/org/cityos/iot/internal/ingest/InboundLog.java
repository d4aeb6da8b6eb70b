package org.cityos.iot.internal.ingest;

import java.util.concurrent.CompletableFuture;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestOutcome;

/**
 * Where accepted messages go first. The future completes only when the message is durable — stored in
 * PostgreSQL (the default) or acknowledged by Kafka (scale-out) — so edges acknowledge devices on it.
 */
public interface InboundLog {
    CompletableFuture<IngestOutcome> append(InboundMessage message);

    /** Messages waiting in this node's memory (for back-pressure and metrics). */
    int backlog();
}
