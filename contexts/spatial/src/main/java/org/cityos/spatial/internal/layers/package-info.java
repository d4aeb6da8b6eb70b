/** Thematic layers: who may read them, how features are checked, repaired, encoded as GeoJSON and clustered for maps. */
package org.cityos.spatial.internal.layers;
