/** The spatial context's public face: divisions (and, later, grids, places and layers) that every other context names by code. */
package org.cityos.spatial;
