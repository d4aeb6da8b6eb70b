package org.cityos.catalog.persistence;

import java.time.Instant;

/** A row of {@code catalog_entry_version}: one version's metadata as JSON text, and who made it, when, why. */
public record StoredVersion(
        String code, int version, String content, String changedBy, Instant changedAt, String reason) {}
