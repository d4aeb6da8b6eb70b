package org.cityos.benchmarks.ingest;

import java.util.BitSet;

/**
 * Which (device, sequence) pairs were acknowledged, one bit each, so a run of millions of messages can be
 * checked for loss afterwards (by the broker, or by CityOS against what it stored) in a few megabytes.
 */
public final class AckLedger {
    private final BitSet[] acked;

    public AckLedger(int devices) {
        acked = new BitSet[devices];
        for (int i = 0; i < devices; i++) {
            acked[i] = new BitSet();
        }
    }

    public void record(int device, long seq) {
        BitSet bits = acked[device];
        synchronized (bits) {
            bits.set(Math.toIntExact(seq));
        }
    }

    public boolean isAcked(int device, long seq) {
        BitSet bits = acked[device];
        synchronized (bits) {
            return bits.get(Math.toIntExact(seq));
        }
    }

    /** Acknowledged messages of {@code device}. */
    public int count(int device) {
        BitSet bits = acked[device];
        synchronized (bits) {
            return bits.cardinality();
        }
    }

    /** Acknowledged messages of all devices. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < acked.length; i++) {
            sum += count(i);
        }
        return sum;
    }

    public int devices() {
        return acked.length;
    }
}
