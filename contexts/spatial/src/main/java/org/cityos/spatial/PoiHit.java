package org.cityos.spatial;

/** A POI found by a distance query, with its great-circle distance from the query point in metres. */
public record PoiHit(Poi poi, double distanceM) {}
