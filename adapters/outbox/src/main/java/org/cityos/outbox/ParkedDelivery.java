package org.cityos.outbox;

import java.time.Instant;
import java.util.UUID;

/** A delivery that failed {@code attempts} times and now waits for an operator; {@code id} is what to retry. */
public record ParkedDelivery(
        long id,
        UUID eventId,
        String type,
        String key,
        String consumer,
        int attempts,
        String lastError,
        Instant occurredAt,
        Instant lastAttemptAt) {}
