/** HTTP API of the spatial context: divisions and boundaries, point to place, geocoding, POIs, layers and OGC API Features. */
package org.cityos.spatial.web;
