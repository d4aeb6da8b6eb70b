/** The one generator of synthetic divisions: a reproducible partition of the district outline into towns, communities and grids. */
package org.cityos.spatial.internal.partition;
