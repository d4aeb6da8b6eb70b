package org.cityos.iot;

/**
 * What a device sends: readings over time, static attributes (firmware, settings) that only the latest value
 * matters for, discrete events (button pressed, fault raised), or a gateway's readings for its children.
 */
public enum MessageKind {
    TELEMETRY,
    ATTRIBUTES,
    EVENTS,
    GATEWAY_TELEMETRY
}
