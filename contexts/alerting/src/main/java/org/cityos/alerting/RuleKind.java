package org.cityos.alerting;

/** What a rule watches and how its condition turns into an alarm. */
public enum RuleKind {
    /** The condition over the device's current values; {@code clearCondition} gives hysteresis. */
    THRESHOLD,
    /** The condition held without a break for {@code window} ("above X for 10 min"). */
    DURATION,
    /** The condition over {@code rate} (change per hour) and {@code delta} of {@code property}. */
    RATE_OF_CHANGE,
    /** No reading of {@code property} (or of anything, when null) for {@code window}. */
    NO_DATA,
    /** The device went offline by its type's reporting interval (iot's health watch). */
    DEVICE_OFFLINE,
    /** The condition over avg/min/max/sum/count/percentile of {@code property} in a sliding {@code window}. */
    AGGREGATE,
    /** A vehicle entered, left, or dwelt in a polygon. */
    GEOFENCE,
    /** The condition here and the companion's condition on a device of another type within a radius. */
    COMPOSITE,
    /** The condition over each scoped device's latest values and their age, checked on a schedule. */
    SCHEDULED,
    /** A device reported a discrete event (an emergency button, a fault) whose data matches the condition. */
    DEVICE_EVENT
}
