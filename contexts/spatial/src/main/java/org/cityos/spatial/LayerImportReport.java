package org.cityos.spatial;

import java.util.List;

/** The outcome of a bulk feature write: how many came in, how many the layer holds now, what was repaired. */
public record LayerImportReport(int received, long featureCount, List<FeatureRepair> repairs) {
    public LayerImportReport {
        repairs = List.copyOf(repairs);
    }

    /** A self-intersecting polygon fixed on the way in, with the share of area the fix changed. */
    public record FeatureRepair(int index, String featureId, double areaChangePercent) {}
}
