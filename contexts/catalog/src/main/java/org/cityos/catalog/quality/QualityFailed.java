package org.cityos.catalog.quality;

import java.util.List;
import org.cityos.kernel.event.DomainEvent;
import org.cityos.kernel.event.EventType;

/** A resource's quality fell below its threshold; casework may make a case for the provider department. */
@EventType("catalog.quality-failed")
public record QualityFailed(
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
