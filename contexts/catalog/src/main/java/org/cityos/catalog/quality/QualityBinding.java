package org.cityos.catalog.quality;

import java.time.Instant;

/**
 * What a resource's data is read from and the score it must reach.
 *
 * @param source a {@link QualitySource} name
 * @param threshold the least weighted score (0–1) of a passing run
 * @param importedAt when rows were last imported (imported sources only)
 */
public record QualityBinding(String entryCode, String source, double threshold, Instant importedAt) {}
