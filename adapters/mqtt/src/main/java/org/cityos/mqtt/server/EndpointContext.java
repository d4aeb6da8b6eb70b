package org.cityos.mqtt.server;

import org.cityos.mqtt.MqttDeviceHandler;
import org.cityos.mqtt.MqttEndpointSettings;

/** What every connection of one endpoint shares. */
record EndpointContext(
        MqttEndpointSettings settings,
        MqttDeviceHandler handler,
        EndpointMetrics metrics,
        ClientRegistry clients,
        InFlightBudget budget) {}
