package org.cityos.basedata;

import java.time.Instant;

/**
 * Where one field of a golden record came from: the source record, and the department, file, batch,
 * row and time it was received with. {@code value} is masked like the record unless unmasked.
 */
public record FieldLineage(
        String field,
        String value,
        long sourceId,
        String department,
        String fileName,
        long batchId,
        int row,
        Instant receivedAt,
        boolean synthetic) {}
