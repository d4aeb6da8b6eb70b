package org.cityos.basedata.internal;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to int values without boxing: the exact-key pass holds one
 * entry per ID number (millions), where a {@code HashMap<Long, Integer>} would cost five objects each.
 */
final class LongIntMap {
    private static final int FREE = -1;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, FREE);
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                return FREE;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    /** Stores {@code value} (≥ 0) unless the key is there; returns the value now stored. */
    int putIfAbsent(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return value;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
