package org.cityos.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sharing request with its decision once there is one.
 *
 * @param decisionDue when the provider should have decided; {@code overdue} says whether that has passed undecided
 * @param grantedFields what the decision granted (empty until decided, and when refused)
 * @param version 1 when requested, 2 once decided (the ETag)
 */
public record ShareRequest(
        String id,
        String resourceCode,
        String requestingDepartment,
        String providerDepartment,
        String purpose,
        List<String> fields,
        LocalDate periodFrom,
        LocalDate periodTo,
        String requestedBy,
        Instant requestedAt,
        Instant decisionDue,
        boolean overdue,
        ShareStatus status,
        int version,
        List<String> grantedFields,
        LocalDate grantedFrom,
        LocalDate grantedTo,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {}
