/** Load tooling for the end-to-end scenarios: the CityOS process, a loopback HTTP client and a bounded closed loop. */
package org.cityos.benchmarks.load;
