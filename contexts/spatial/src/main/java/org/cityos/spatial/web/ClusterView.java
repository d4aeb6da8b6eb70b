package org.cityos.spatial.web;

import java.util.List;
import org.cityos.kernel.GeoPoint;
import org.cityos.spatial.Crs;
import org.cityos.spatial.LayerCluster;
import org.cityos.spatial.LayerClusters;
import tools.jackson.databind.node.ObjectNode;

/**
 * A layer drawn at one zoom: {@code mode} CLUSTERS with counts, centroids and boxes, or FEATURES with
 * a GeoJSON FeatureCollection; {@code total} is how many features lie in the requested box.
 */
public record ClusterView(int zoom, String mode, long total, List<Cluster> clusters, ObjectNode features) {

    /** One cluster; {@code featureId} is set when it holds a single feature. */
    public record Cluster(long count, double[] centroid, double[] bbox, String featureId) {}

    static ClusterView of(LayerClusters c, Crs crs, FeatureDocuments documents) {
        if (c.individual()) {
            return new ClusterView(
                    c.zoom(), "FEATURES", c.total(), List.of(), documents.collection(c.features(), c.total(), crs));
        }
        return new ClusterView(
                c.zoom(),
                "CLUSTERS",
                c.total(),
                c.clusters().stream().map(k -> cluster(k, crs)).toList(),
                null);
    }

    private static Cluster cluster(LayerCluster k, Crs crs) {
        GeoPoint centre = crs.fromWgs84(k.centroid());
        return new Cluster(
                k.count(),
                new double[] {centre.lon(), centre.lat()},
                k.bbox().fromWgs84(crs).toArray(),
                k.featureId());
    }
}
