package org.cityos.alerting.internal.engine;

import java.util.Arrays;

/** A device's latest value of each property of its type, and when each was last reported (epoch ms, 0 = never). */
final class DeviceValues {
    private final TypeFacts type;
    private final double[] numbers;
    private final String[] texts;
    private final long[] seen;
    private final double[] previous;
    private final long[] previousSeen;
    private long lastSeen;

    DeviceValues(TypeFacts type) {
        this.type = type;
        this.numbers = new double[type.size()];
        this.texts = new String[type.size()];
        this.seen = new long[type.size()];
        this.previous = new double[type.size()];
        this.previousSeen = new long[type.size()];
        Arrays.fill(numbers, Double.NaN);
        Arrays.fill(previous, Double.NaN);
    }

    TypeFacts type() {
        return type;
    }

    /** Stores the value; false when the property is not one of the type's or the reading is older than held. */
    boolean put(int index, double number, String text, long at) {
        if (at < seen[index]) {
            return false;
        }
        previous[index] = numbers[index];
        previousSeen[index] = seen[index];
        numbers[index] = number;
        texts[index] = text;
        seen[index] = at;
        lastSeen = Math.max(lastSeen, at);
        return true;
    }

    void touch(long at) {
        lastSeen = Math.max(lastSeen, at);
    }

    double number(int index) {
        return numbers[index];
    }

    String text(int index) {
        return texts[index];
    }

    long seen(int index) {
        return seen[index];
    }

    /** Change per hour between the last two values of the property; NaN with fewer than two. */
    double rate(int index) {
        long dt = seen[index] - previousSeen[index];
        if (previousSeen[index] == 0 || dt <= 0 || Double.isNaN(previous[index])) {
            return Double.NaN;
        }
        return (numbers[index] - previous[index]) / (dt / 3_600_000.0);
    }

    double delta(int index) {
        return numbers[index] - previous[index];
    }

    long lastSeen() {
        return lastSeen;
    }
}
