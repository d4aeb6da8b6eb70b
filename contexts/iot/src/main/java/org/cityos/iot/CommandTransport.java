package org.cityos.iot;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Carries downlink messages to devices: the embedded MQTT endpoint (only devices connected to this node) or
 * the external broker (always, the broker queues for persistent sessions).
 */
public interface CommandTransport {
    /**
     * Sends the command; empty when the device cannot be reached from here now (it stays queued). The stage
     * completes when the device (or broker) acknowledged the MQTT message.
     */
    Optional<CompletionStage<Void>> deliver(DownlinkCommand command);
}
