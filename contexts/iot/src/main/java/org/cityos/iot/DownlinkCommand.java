package org.cityos.iot;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A command or attribute write sent to a device, with its delivery status: QUEUED (stored, waiting for the
 * device), SENT (the device or broker acknowledged the MQTT message), ACKNOWLEDGED (the device replied it
 * did it), FAILED (the device replied with an error, or delivery failed for good), EXPIRED (not acknowledged
 * before {@code expiresAt}).
 *
 * @param kind COMMAND (one of the type's declared commands) or ATTRIBUTES (a write of device attributes)
 */
public record DownlinkCommand(
        String id,
        DeviceId device,
        String kind,
        String name,
        JsonNode params,
        String status,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant sentAt,
        Instant doneAt,
        int attempts,
        String result) {

    public boolean pending() {
        return status.equals("QUEUED") || status.equals("SENT");
    }
}
