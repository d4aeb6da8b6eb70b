/** The base-data benchmark's parts: planted truth (people, organisations) scored against the clusters the base stored. */
package org.cityos.benchmarks.basedata;
