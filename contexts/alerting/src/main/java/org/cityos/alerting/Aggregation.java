package org.cityos.alerting;

/**
 * How an AGGREGATE rule summarises {@code property} over its window. The condition sees {@code avg}, {@code min},
 * {@code max}, {@code sum}, {@code count} and {@code pct} (the {@code percentile}-th percentile, when set).
 *
 * @param percentile 1–99, or null when the condition does not use {@code pct}
 * @param groupBy DEVICE (one finding per device) or DIVISION (one per division, over all its scoped devices; count
 *     then counts distinct devices whose readings passed {@code where})
 * @param where an optional condition a reading must meet to count (e.g. {@code fault == true}); null counts all
 */
public record Aggregation(Integer percentile, String groupBy, String where) {
    public static final String DEVICE = "DEVICE";
    public static final String DIVISION = "DIVISION";

    public Aggregation {
        groupBy =
                groupBy == null || groupBy.isBlank() ? DEVICE : groupBy.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
