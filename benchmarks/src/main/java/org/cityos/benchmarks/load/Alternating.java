package org.cityos.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a figure and its baselines side by side: slice by slice, round after round, in ABBA order
 * (every odd round reversed), so slow drift on a shared machine (another build, the JIT still
 * compiling) is charged to each about equally instead of to whichever ran last.
 */
public final class Alternating {
    private Alternating() {}

    /** One accumulated result per slice supplier, in the order given. */
    public static List<LoadResult> run(int rounds, List<Supplier<LoadResult>> slices) {
        List<LoadResult> totals = new ArrayList<>();
        slices.forEach(s -> totals.add(LoadResult.empty()));
        for (int round = 0; round < rounds; round++) {
            for (int i : order(slices.size(), round)) {
                totals.set(i, totals.get(i).plus(slices.get(i).get()));
            }
        }
        return totals;
    }

    /** 0..n-1 on even rounds, n-1..0 on odd rounds. */
    static int[] order(int n, int round) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = round % 2 == 0 ? i : n - 1 - i;
        }
        return order;
    }
}
