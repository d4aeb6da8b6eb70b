package org.cityos.catalog.quality;

import java.time.Instant;
import java.util.List;

/**
 * One run of a resource's rules.
 *
 * @param score the rules' scores weighted by their weights
 * @param passed whether {@code score} reached the resource's {@code threshold}
 * @param eventPublished whether this run told casework (the first failing run after a pass, see ADR 0019)
 */
public record QualityRun(
        long id,
        String entryCode,
        String department,
        RunTrigger trigger,
        Instant ranAt,
        double score,
        double threshold,
        boolean passed,
        boolean eventPublished,
        List<RuleResult> results) {

    /** Why a run happened. */
    public enum RunTrigger {
        SCHEDULE,
        DEMAND,
        IMPORT
    }
}
