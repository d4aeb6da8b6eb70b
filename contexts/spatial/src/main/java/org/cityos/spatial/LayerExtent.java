package org.cityos.spatial;

import java.time.Instant;

/**
 * What a layer holds: how many features, their bounding box and time span (null when unknown), and
 * a counter that changes with every feature write.
 */
public record LayerExtent(long featureCount, FeatureBox bbox, Instant earliest, Instant latest, long featuresVersion) {
    public static LayerExtent empty() {
        return new LayerExtent(0, null, null, null, 0);
    }
}
