package org.cityos.catalog.quality;

import java.time.Instant;
import java.util.List;

/** The scorecards quality answers with. */
public final class Scorecards {
    private Scorecards() {}

    /** One run's score, for trends. */
    public record TrendPoint(long runId, Instant ranAt, double score, boolean passed) {}

    /** A resource: its source and threshold, the latest run with per-rule results, and scores over runs, oldest first. */
    public record ResourceScorecard(
            String code,
            String providerDepartment,
            String source,
            double threshold,
            QualityRun latest,
            List<TrendPoint> trend) {}

    /** A resource's latest score within a department's scorecard. */
    public record ResourceScore(String code, double score, boolean passed, Instant ranAt) {}

    /** A department: the average of its resources' latest scores (null when none was run yet). */
    public record DepartmentScorecard(String department, Double score, List<ResourceScore> resources) {}
}
