package org.cityos.catalog.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code catalog_share_request}; {@code fields} comma-separated field names, the decision as JSON text. */
public record StoredShare(
        String id,
        String resourceCode,
        String requestingDepartment,
        String providerDepartment,
        String purpose,
        String fields,
        LocalDate periodFrom,
        LocalDate periodTo,
        String requestedBy,
        Instant requestedAt,
        Instant decisionDue,
        String status,
        int version,
        String decisionContent,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {}
