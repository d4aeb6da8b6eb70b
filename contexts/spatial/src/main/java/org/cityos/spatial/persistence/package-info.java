/** Plain SQL for the spatial context's tables ({@code spatial_*}). */
package org.cityos.spatial.persistence;
