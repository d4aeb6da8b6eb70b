package org.cityos.alerting;

/**
 * The second half of a COMPOSITE rule: some device of {@code deviceType} within {@code radiusMetres} of the
 * subject whose own condition holds (over that type's properties, and {@code rate} of its {@code property}).
 */
public record Companion(String deviceType, double radiusMetres, String property, String condition) {}
