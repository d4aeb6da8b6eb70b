package org.cityos.iot;

import java.time.Instant;

/**
 * A message CityOS kept but could not turn into readings, with why. {@code status} NEW until it is replayed
 * successfully (REPLAYED) or an operator discards it (DISCARDED); nothing is deleted.
 *
 * @param reasonCode UNDECODABLE, UNKNOWN_DEVICE, UNKNOWN_TYPE, NOT_A_CHILD
 * @param payloadText the raw payload as UTF-8 text (bytes that are not UTF-8 are replaced)
 */
public record DeadLetter(
        long id,
        Instant receivedAt,
        DeviceId device,
        String typeCode,
        IngestChannel channel,
        MessageKind kind,
        PayloadForm form,
        String integrationId,
        String reasonCode,
        String reason,
        String payloadText,
        int payloadBytes,
        String status,
        int attempts,
        Instant resolvedAt,
        String resolvedBy) {}
