/** Runs the engine inside CityOS: its device catalogue, its clock ticks, its state kept across restarts. */
package org.cityos.alerting.internal.runtime;
