package org.cityos.spatial;

import java.util.List;

/**
 * What a boundary import did: applied rows, rows refused with the reason, geometries repaired (and
 * why), and how the new boundaries sit with their siblings (overlaps, gaps, parts outside the parent).
 */
public record BoundaryImportReport(
        boolean dryRun,
        int rows,
        int applied,
        List<RowIssue> issues,
        List<Repair> repaired,
        List<SiblingIssue> siblings) {

    /** A geometry that was invalid and was repaired because the repair changed its area by less than 1%. */
    public record Repair(int row, String code, String problem, double areaChangePercent) {}

    /** Overlap between two siblings, a gap between a parent and its children, or a child outside its parent. */
    public record SiblingIssue(String kind, String parent, List<String> codes, double areaM2) {}
}
