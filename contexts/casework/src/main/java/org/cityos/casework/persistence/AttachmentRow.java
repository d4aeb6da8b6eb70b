package org.cityos.casework.persistence;

import java.time.Instant;

/** One stored attachment; {@code content} is null when only the description was read. */
public record AttachmentRow(
        String id,
        String caseId,
        String stage,
        String fileName,
        String mediaType,
        int sizeBytes,
        String sha256,
        byte[] content,
        Double lon,
        Double lat,
        String byId,
        Instant at) {}
