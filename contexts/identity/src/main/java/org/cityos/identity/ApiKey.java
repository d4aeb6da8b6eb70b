package org.cityos.identity;

import java.time.Instant;
import java.util.UUID;

/** A machine client's key as listed: only its prefix is ever shown again after creation. */
public record ApiKey(
        UUID id,
        String name,
        String prefix,
        Scope scope,
        UUID createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {}
