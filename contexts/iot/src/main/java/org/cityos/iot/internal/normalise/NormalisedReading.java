package org.cityos.iot.internal.normalise;

import java.time.Instant;

/**
 * One value of one property at one instant, in the property's unit.
 *
 * @param number the value for NUMBER, INTEGER and BOOLEAN (1/0) properties; NaN for text values
 * @param text the value for STRING and ENUM properties; null for numeric values
 * @param flags a sum of {@link #OUT_OF_RANGE}, {@link #UNDECLARED} and {@link #CLOCK_SKEW}
 */
public record NormalisedReading(String property, Instant at, double number, String text, int flags) {
    /** Outside the property's min/max, or not one of its ENUM values: kept, because a sensor gone wild is news. */
    public static final int OUT_OF_RANGE = 1;
    /** The device type does not declare this property: kept so a type can be extended from what devices send. */
    public static final int UNDECLARED = 2;
    /**
     * The device's time lies more than {@link Normaliser#CLOCK_SKEW_TOLERANCE} after receipt (but within a day):
     * the device time is kept, since readings of one message must stay in order, and the clock is flagged.
     */
    public static final int CLOCK_SKEW = 4;

    public boolean numeric() {
        return text == null;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
