package org.cityos.spatial;

import org.cityos.kernel.GeoPoint;

/**
 * Features that fall in one cell of the clustering grid: how many, their mean position and their
 * bounding box; {@code featureId} names the feature when the cluster holds exactly one.
 */
public record LayerCluster(long count, GeoPoint centroid, FeatureBox bbox, String featureId) {}
