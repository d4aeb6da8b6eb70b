/** The population base benchmark's parts: planted truth scored against the clusters the base stored. */
package org.cityos.benchmarks.basedata;
