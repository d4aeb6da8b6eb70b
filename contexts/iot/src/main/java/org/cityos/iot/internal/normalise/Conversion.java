package org.cityos.iot.internal.normalise;

/**
 * How a raw value becomes a value in the property's unit: {@code raw * multiplier + addend}, folded once
 * from a mapping's scale and offset and the source and target units so the hot path does one multiply-add.
 */
record Conversion(double multiplier, double addend) {
    static final Conversion IDENTITY = new Conversion(1, 0);

    /** Scale and offset first (they yield the source unit), then the unit change. */
    static Conversion of(double scale, double offset, Unit from, Unit to) {
        double a = 1;
        double b = 0;
        if (from != null && to != null && !from.symbol().equals(to.symbol())) {
            a = from.factor() / to.factor();
            b = (from.offset() - to.offset()) / to.factor();
        }
        return new Conversion(scale * a, offset * a + b);
    }

    static Conversion between(Unit from, Unit to) {
        return of(1, 0, from, to);
    }

    double apply(double raw) {
        return this == IDENTITY ? raw : raw * multiplier + addend;
    }
}
