package org.cityos.iot;

import java.util.List;

/** Latest values of one device that changed since the subscriber's previous push. */
public record LiveChange(String device, String typeCode, String division, List<TelemetryReading> readings) {}
