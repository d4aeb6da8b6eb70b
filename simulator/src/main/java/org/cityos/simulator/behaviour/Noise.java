package org.cityos.simulator.behaviour;

/**
 * Deterministic randomness: a value for (device, what, time bucket) that is the same on every call, so a reading
 * can be recomputed for any moment without keeping state per device.
 */
final class Noise {
    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** Uniform in [0, 1). */
    double unit(String serial, String what, long bucket) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= serial.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h = mix(h);
        h ^= what.hashCode() * 0x165667B19E3779F9L;
        h = mix(h);
        h ^= bucket * 0x27D4EB2F165667C5L;
        return (mix(h) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    double signed(String serial, String what, long bucket) {
        return 2 * unit(serial, what, bucket) - 1;
    }

    /** Smooth noise in [-1, 1]: interpolated between buckets, for values that wander rather than jump. */
    double smooth(String serial, String what, double position) {
        long b = (long) Math.floor(position);
        double f = position - b;
        double w = f * f * (3 - 2 * f);
        return signed(serial, what, b) * (1 - w) + signed(serial, what, b + 1) * w;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
