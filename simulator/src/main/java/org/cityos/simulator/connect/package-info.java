/** Talking to a running CityOS: its public HTTP API for geography, types and loading, and the reporters (MQTT, HTTP). */
package org.cityos.simulator.connect;
