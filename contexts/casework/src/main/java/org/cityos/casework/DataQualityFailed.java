package org.cityos.casework;

import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/**
 * The catalog's report that a data resource's quality fell below its threshold, as casework reads it: by the event's
 * type name and JSON, so casework needs none of the catalog's classes (the catalog sits above it).
 *
 * @param code the catalogue resource code
 * @param providerDepartment the department that provides the resource and answers for its quality
 * @param runId the quality run that failed: the case's external id, so a redelivered event finds its case
 */
@EventType("catalog.quality-failed")
public record DataQualityFailed(
        String code,
        String name,
        String providerDepartment,
        long runId,
        double score,
        double threshold,
        List<String> failedRules)
        implements DomainEvent {
    @Override
    public String key() {
        return code;
    }
}
