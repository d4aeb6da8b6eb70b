package org.cityos.iot.internal.normalise;

/**
 * A unit of measure as a linear map onto its dimension's base unit: {@code base = value * factor + offset}.
 * Only units of the same dimension convert into each other.
 */
record Unit(String symbol, String dimension, double factor, double offset) {

    boolean convertibleTo(Unit other) {
        return dimension.equals(other.dimension);
    }
}
