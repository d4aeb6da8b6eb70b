/** End-to-end scenarios against a real CityOS process, each with a baseline measured in the same run. */
package org.cityos.benchmarks.scenarios;
