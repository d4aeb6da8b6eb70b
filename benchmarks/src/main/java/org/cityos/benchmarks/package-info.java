/** The benchmark suite's entry point, its result rows and how they are formatted into benchmarks/README.md. */
package org.cityos.benchmarks;
