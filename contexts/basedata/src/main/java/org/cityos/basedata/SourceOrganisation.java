package org.cityos.basedata;

import java.time.Instant;

/**
 * One organisation as one department's file gave it: a checked row of a batch, kept as received.
 *
 * @param creditCode the unified social credit code, or null when the row had none
 * @param organisationCode the GB 11714 organisation code: the one within the credit code, else the one the
 *     row gave (older files), else null
 * @param registrationNumber the old 15-digit business registration number (注册号), when the row gave one
 * @param industry the GB/T 4754 code as written (section letter, then up to four digits)
 * @param status ACTIVE, SUSPENDED, REVOKED, CANCELLED or MOVED_OUT
 */
public record SourceOrganisation(
        long id,
        long batchId,
        int row,
        String department,
        Instant recordedAt,
        String creditCode,
        String organisationCode,
        String registrationNumber,
        String name,
        String legalRepresentative,
        AddressLink address,
        String industry,
        String status,
        boolean synthetic) {}
