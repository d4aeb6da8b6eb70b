package org.cityos.alerting.internal.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The samples of a sliding window, oldest first, in a growing ring (bounded: beyond {@link #MAX} samples the oldest
 * fall out). Keeps the sum and, per contributor, how many samples it has in the window, for distinct counts.
 */
final class Window {
    static final int MAX = 65_536;

    private long[] times = new long[16];
    private double[] values = new double[16];
    private String[] who = new String[16];
    private int head;
    private int size;
    private double sum;
    private int numbers;
    private final Map<String, Integer> contributors = new HashMap<>();

    void add(long at, double value, String contributor) {
        if (size == times.length) {
            if (size == MAX) {
                drop();
            } else {
                grow();
            }
        }
        int i = (head + size) % times.length;
        times[i] = at;
        values[i] = value;
        who[i] = contributor;
        size++;
        if (!Double.isNaN(value)) {
            sum += value;
            numbers++;
        }
        if (contributor != null) {
            contributors.merge(contributor, 1, Integer::sum);
        }
    }

    /** Drops samples older than {@code from}; true when any fell out. */
    boolean evict(long from) {
        boolean any = false;
        while (size > 0 && times[head] < from) {
            drop();
            any = true;
        }
        return any;
    }

    long oldest() {
        return size == 0 ? Long.MAX_VALUE : times[head];
    }

    int size() {
        return size;
    }

    int distinct() {
        return contributors.size();
    }

    double sum() {
        return sum;
    }

    double avg() {
        return numbers == 0 ? Double.NaN : sum / numbers;
    }

    double min() {
        double m = Double.NaN;
        for (int k = 0; k < size; k++) {
            double v = values[(head + k) % values.length];
            if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
                m = v;
            }
        }
        return m;
    }

    double max() {
        double m = Double.NaN;
        for (int k = 0; k < size; k++) {
            double v = values[(head + k) % values.length];
            if (!Double.isNaN(v) && (Double.isNaN(m) || v > m)) {
                m = v;
            }
        }
        return m;
    }

    /** The p-th percentile by nearest rank. */
    double percentile(int p) {
        double[] sorted = new double[size];
        int n = 0;
        for (int k = 0; k < size; k++) {
            double v = values[(head + k) % values.length];
            if (!Double.isNaN(v)) {
                sorted[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted, 0, n);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The oldest sample's value and time, for rates over the window. */
    double firstValue() {
        return size == 0 ? Double.NaN : values[head];
    }

    long firstTime() {
        return size == 0 ? 0 : times[head];
    }

    /** Samples as [time, value] pairs and contributors, oldest first, for the state store. */
    long[] timesInOrder() {
        long[] t = new long[size];
        for (int k = 0; k < size; k++) {
            t[k] = times[(head + k) % times.length];
        }
        return t;
    }

    double[] valuesInOrder() {
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = values[(head + k) % values.length];
        }
        return v;
    }

    String[] contributorsInOrder() {
        String[] w = new String[size];
        for (int k = 0; k < size; k++) {
            w[k] = who[(head + k) % who.length];
        }
        return w;
    }

    private void drop() {
        double v = values[head];
        if (!Double.isNaN(v)) {
            sum -= v;
            numbers--;
        }
        String c = who[head];
        if (c != null) {
            contributors.computeIfPresent(c, (k, n) -> n == 1 ? null : n - 1);
        }
        who[head] = null;
        head = (head + 1) % times.length;
        size--;
    }

    private void grow() {
        int n = times.length * 2;
        long[] t = new long[n];
        double[] v = new double[n];
        String[] w = new String[n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) % times.length;
            t[k] = times[i];
            v[k] = values[i];
            w[k] = who[i];
        }
        times = t;
        values = v;
        who = w;
        head = 0;
    }
}
