package org.cityos.kernel.event;

import java.time.Instant;
import java.util.UUID;

/** Where an event delivery stands: consumers use {@link #eventId()} to stay idempotent. */
public record EventMetadata(UUID eventId, String type, String key, Instant occurredAt, int attempt) {}
