/** The reference district built in memory exactly as CityOS builds it, for the in-process spatial benchmarks. */
package org.cityos.benchmarks.spatial;
