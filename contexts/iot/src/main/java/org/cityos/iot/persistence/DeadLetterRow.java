package org.cityos.iot.persistence;

import java.time.Instant;

/** A message that could not become readings, with why. */
public record DeadLetterRow(
        Instant receivedAt,
        String deviceId,
        String typeCode,
        String channel,
        String kind,
        String form,
        String integrationId,
        String reasonCode,
        String reason,
        byte[] payload) {}
