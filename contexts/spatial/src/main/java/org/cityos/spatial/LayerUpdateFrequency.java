package org.cityos.spatial;

/** How often the owner refreshes a layer; tells a map how long it may cache it. */
public enum LayerUpdateFrequency {
    REALTIME,
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY,
    STATIC
}
