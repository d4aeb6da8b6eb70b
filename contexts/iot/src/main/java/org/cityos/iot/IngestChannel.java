package org.cityos.iot;

/** How a message reached CityOS. */
public enum IngestChannel {
    MQTT,
    HTTP,
    INTEGRATION,
    BROKER,
    REPLAY
}
