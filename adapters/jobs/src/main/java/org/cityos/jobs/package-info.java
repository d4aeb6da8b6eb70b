/** Periodic background jobs of one node (chaining, detectors, schedules), started and stopped with the application. */
package org.cityos.jobs;
