package org.cityos.casework;

import java.time.Instant;
import org.cityos.kernel.GeoPoint;

/** A photo or document of a case, without its bytes; {@code stage} says when it was taken (intake, reply, verify). */
public record AttachmentInfo(
        String id,
        AttachmentStage stage,
        String fileName,
        String mediaType,
        int sizeBytes,
        String sha256,
        GeoPoint point,
        String by,
        Instant at) {}
