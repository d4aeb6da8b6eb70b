package org.cityos.alerting.internal.engine;

import java.util.concurrent.atomic.AtomicLong;
import org.cityos.alerting.internal.expr.Facts;

/**
 * One thread's reusable facts per rule of the current ruleset, so the hot path allocates nothing; and its marks of
 * the rules a device's readings touched, kept here rather than per device so ten thousand devices do not each carry
 * (and miss in cache) an array of them.
 */
final class Scratch {
    private final long version;
    private final Facts[] facts;
    private final Facts[] companions;
    /** By rule ordinal: the {@link #generation} in which a reading last touched the rule. */
    private final int[] marks;
    /** Positions (in the device's coverage) of the rules touched in this generation, in touching order. */
    private final int[] touched;
    /** The same positions as bits, to read them back in ascending order without sorting. */
    private final long[] touchedBits;

    /** This thread's evaluations so far; it outlives the ruleset, so a new scratch takes it over. */
    final AtomicLong evaluations;

    private int touchedCount;
    private int generation;

    Scratch(Ruleset ruleset, AtomicLong evaluations) {
        this.evaluations = evaluations;
        this.version = ruleset.version;
        this.facts = new Facts[ruleset.rules.size()];
        this.companions = new Facts[ruleset.rules.size()];
        this.marks = new int[ruleset.rules.size()];
        this.touched = new int[ruleset.rules.size()];
        this.touchedBits = new long[(ruleset.rules.size() + 63) / 64];
    }

    /**
     * Adds evaluations to this thread's count. Only this thread writes it, so a read and an ordered store do: no
     * CAS, which would also make the CPU wait for the device's outstanding cache misses before the next device.
     */
    void counted(long n) {
        evaluations.lazySet(evaluations.get() + n);
    }

    /** Starts a device's batch of readings: nothing touched yet. */
    void startTouching() {
        touchedCount = 0;
        if (++generation == 0) {
            // wrapped around: old marks could equal the new generation
            java.util.Arrays.fill(marks, 0);
            generation = 1;
        }
    }

    /** Marks the rule at the position of the device's coverage (its ordinal given) as touched. */
    void touch(int position, int ordinal) {
        if (marks[ordinal] != generation) {
            marks[ordinal] = generation;
            touched[touchedCount++] = position;
            touchedBits[position >>> 6] |= 1L << position;
        }
    }

    /**
     * How many positions were touched since {@link #startTouching()}; in ascending order when asked (read back from
     * their bits, which a device's coverage keeps to a word or two, rather than sorted).
     */
    int touchedCount(boolean ascending) {
        if (ascending && touchedCount > 1) {
            int n = 0;
            for (int w = 0; w < touchedBits.length && n < touchedCount; w++) {
                for (long bits = touchedBits[w]; bits != 0; bits &= bits - 1) {
                    touched[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                }
                touchedBits[w] = 0;
            }
        } else {
            for (int i = 0; i < touchedCount; i++) {
                touchedBits[touched[i] >>> 6] = 0;
            }
        }
        return touchedCount;
    }

    int touched(int i) {
        return touched[i];
    }

    boolean current(Ruleset ruleset) {
        return version == ruleset.version;
    }

    Facts facts(Ruleset ruleset, CompiledRule rule) {
        return facts(ruleset.ordinal(rule), rule);
    }

    Facts facts(int i, CompiledRule rule) {
        Facts f = reused(i, rule);
        f.clear();
        return f;
    }

    /** The rule's facts as the last evaluation left them: for callers that overwrite every slot they use. */
    Facts reused(int i, CompiledRule rule) {
        Facts f = facts[i];
        if (f == null) {
            f = new Facts(rule.vocabulary);
            facts[i] = f;
        }
        return f;
    }

    Facts companion(Ruleset ruleset, CompiledRule rule) {
        int i = ruleset.ordinal(rule);
        Facts f = companions[i];
        if (f == null) {
            f = new Facts(rule.companionVocabulary);
            companions[i] = f;
        }
        f.clear();
        return f;
    }
}
