package org.cityos.spatial;

import java.util.List;

/**
 * A map's view of a layer at one zoom: either clusters (low zoom) or, when zoomed in far enough and
 * few enough remain, the individual features. {@code total} is how many features lie in the box.
 */
public record LayerClusters(
        int zoom, boolean individual, long total, List<LayerCluster> clusters, List<LayerFeature> features) {
    public LayerClusters {
        clusters = List.copyOf(clusters);
        features = List.copyOf(features);
    }
}
