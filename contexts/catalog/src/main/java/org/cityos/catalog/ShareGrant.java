package org.cityos.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an approved or narrowed sharing request lets the requesting department read through the data API.
 *
 * @param rowColumn with {@code rowValues}: only rows whose column holds one of the values; null for all rows
 * @param validFrom first day calls are served ({@code validUntil} the last, both in the city's time zone)
 * @param keyPrefix the start of the current key, null until the requester issued one
 */
public record ShareGrant(
        String id,
        String requestId,
        String resourceCode,
        String requestingDepartment,
        String providerDepartment,
        List<String> fields,
        String rowColumn,
        List<String> rowValues,
        LocalDate validFrom,
        LocalDate validUntil,
        int callsPerDay,
        int callsPerSecond,
        Instant grantedAt,
        String keyPrefix,
        Instant keyIssuedAt,
        Instant revokedAt,
        String revokedBy,
        String revokeReason) {}
