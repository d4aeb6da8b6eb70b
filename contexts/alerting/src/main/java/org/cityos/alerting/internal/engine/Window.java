package org.cityos.alerting.internal.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The samples of a sliding window, oldest first, in a growing ring (bounded: beyond {@link #MAX} samples the oldest
 * fall out). Keeps the sum and, per contributor, how many samples it has in the window, for distinct counts.
 *
 * <p>A sample's time and value share one array (one cache line per sample added or evicted), and the contributor
 * bookkeeping exists only once a sample names a contributor: per-device windows never do.
 */
final class Window {
    static final int MAX = 65_536;

    /** Per sample: the time, then the value's bits. */
    private long[] samples = new long[32];

    private String[] who;
    private Map<String, Integer> contributors;
    private int head;
    private int size;
    private double sum;
    private int numbers;

    void add(long at, double value, String contributor) {
        if (size == capacity()) {
            if (size == MAX) {
                drop();
            } else {
                grow();
            }
        }
        int i = (head + size) & (capacity() - 1);
        samples[2 * i] = at;
        samples[2 * i + 1] = Double.doubleToRawLongBits(value);
        if (contributor != null || who != null) {
            who()[i] = contributor;
        }
        size++;
        if (!Double.isNaN(value)) {
            sum += value;
            numbers++;
        }
        if (contributor != null) {
            if (contributors == null) {
                contributors = new HashMap<>();
            }
            contributors.merge(contributor, 1, Integer::sum);
        }
    }

    /** Drops samples older than {@code from}; true when any fell out. */
    boolean evict(long from) {
        boolean any = false;
        while (size > 0 && samples[2 * head] < from) {
            drop();
            any = true;
        }
        return any;
    }

    long oldest() {
        return size == 0 ? Long.MAX_VALUE : samples[2 * head];
    }

    int size() {
        return size;
    }

    int distinct() {
        return contributors == null ? 0 : contributors.size();
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
            double v = value(k);
            if (!Double.isNaN(v) && (Double.isNaN(m) || v < m)) {
                m = v;
            }
        }
        return m;
    }

    double max() {
        double m = Double.NaN;
        for (int k = 0; k < size; k++) {
            double v = value(k);
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
            double v = value(k);
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
        return size == 0 ? Double.NaN : value(0);
    }

    long firstTime() {
        return size == 0 ? 0 : samples[2 * head];
    }

    /** Samples as [time, value] pairs and contributors, oldest first, for the state store. */
    long[] timesInOrder() {
        long[] t = new long[size];
        for (int k = 0; k < size; k++) {
            t[k] = samples[2 * ((head + k) & (capacity() - 1))];
        }
        return t;
    }

    double[] valuesInOrder() {
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = value(k);
        }
        return v;
    }

    String[] contributorsInOrder() {
        String[] w = new String[size];
        if (who != null) {
            for (int k = 0; k < size; k++) {
                w[k] = who[(head + k) & (capacity() - 1)];
            }
        }
        return w;
    }

    /** The k-th oldest sample's value. */
    private double value(int k) {
        return Double.longBitsToDouble(samples[2 * ((head + k) & (capacity() - 1)) + 1]);
    }

    /** Always a power of two (16, doubling up to {@link #MAX}), so ring positions wrap with a mask. */
    private int capacity() {
        return samples.length >> 1;
    }

    private String[] who() {
        if (who == null) {
            who = new String[capacity()];
        }
        return who;
    }

    private void drop() {
        double v = Double.longBitsToDouble(samples[2 * head + 1]);
        if (!Double.isNaN(v)) {
            sum -= v;
            numbers--;
        }
        if (who != null) {
            String c = who[head];
            if (c != null) {
                contributors.computeIfPresent(c, (k, n) -> n == 1 ? null : n - 1);
            }
            who[head] = null;
        }
        head = (head + 1) & (capacity() - 1);
        size--;
    }

    private void grow() {
        int n = capacity() * 2;
        long[] s = new long[2 * n];
        String[] w = who == null ? null : new String[n];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (capacity() - 1);
            s[2 * k] = samples[2 * i];
            s[2 * k + 1] = samples[2 * i + 1];
            if (w != null) {
                w[k] = who[i];
            }
        }
        samples = s;
        who = w;
        head = 0;
    }
}
