package org.cityos.iot;

/**
 * Connectivity of one device type's installed devices in the caller's scope: heard from within the expected
 * interval (online), silent beyond it (offline), or never heard from since installation (silent).
 */
public record HealthCount(String typeCode, long total, long online, long offline, long silent) {}
