package org.cityos.alerting.internal.engine;

/**
 * A device's latest value of each property of its type, and when each was last reported (epoch ms, 0 = never).
 *
 * <p>Ten thousand devices do not fit in a core's caches, so a reading costs what it misses: each property's value,
 * time and previous value sit side by side in one array (one cache line per reading, not five arrays), and texts
 * get their array only when a text arrives.
 */
final class DeviceValues {
    /** Per property: the number's bits, when it came, the previous number's bits, when that came. */
    private static final int STRIDE = 4;

    private static final long NAN = Double.doubleToRawLongBits(Double.NaN);

    private final TypeFacts type;
    private final long[] cells;
    private String[] texts;
    private long lastSeen;

    DeviceValues(TypeFacts type) {
        this.type = type;
        this.cells = new long[type.size() * STRIDE];
        for (int i = 0; i < cells.length; i += STRIDE) {
            cells[i] = NAN;
            cells[i + 2] = NAN;
        }
    }

    TypeFacts type() {
        return type;
    }

    /** Stores the value; false when the property is not one of the type's or the reading is older than held. */
    boolean put(int index, double number, String text, long at) {
        int c = index * STRIDE;
        if (at < cells[c + 1]) {
            return false;
        }
        cells[c + 2] = cells[c];
        cells[c + 3] = cells[c + 1];
        cells[c] = Double.doubleToRawLongBits(number);
        cells[c + 1] = at;
        if (text != null || texts != null) {
            texts()[index] = text;
        }
        lastSeen = Math.max(lastSeen, at);
        return true;
    }

    private String[] texts() {
        if (texts == null) {
            texts = new String[type.size()];
        }
        return texts;
    }

    void touch(long at) {
        lastSeen = Math.max(lastSeen, at);
    }

    double number(int index) {
        return Double.longBitsToDouble(cells[index * STRIDE]);
    }

    String text(int index) {
        return texts == null ? null : texts[index];
    }

    long seen(int index) {
        return cells[index * STRIDE + 1];
    }

    /** Change per hour between the last two values of the property; NaN with fewer than two. */
    double rate(int index) {
        int c = index * STRIDE;
        long previousSeen = cells[c + 3];
        double previous = Double.longBitsToDouble(cells[c + 2]);
        long dt = cells[c + 1] - previousSeen;
        if (previousSeen == 0 || dt <= 0 || Double.isNaN(previous)) {
            return Double.NaN;
        }
        return (number(index) - previous) / (dt / 3_600_000.0);
    }

    double delta(int index) {
        return number(index) - Double.longBitsToDouble(cells[index * STRIDE + 2]);
    }

    long lastSeen() {
        return lastSeen;
    }
}
