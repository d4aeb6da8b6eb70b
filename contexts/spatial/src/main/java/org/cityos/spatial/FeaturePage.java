package org.cityos.spatial;

import java.util.List;

/** One page of a layer's features and how many matched in all. */
public record FeaturePage(List<LayerFeature> features, long numberMatched, int offset, int limit) {
    public FeaturePage {
        features = List.copyOf(features);
    }

    public boolean hasNext() {
        return offset + features.size() < numberMatched;
    }
}
