package org.cityos.benchmarks.spatial;

import java.util.ArrayList;
import java.util.List;
import org.cityos.spatial.AddressEntry;
import org.cityos.spatial.GeocodingNoise.NoisyQuery;

/**
 * Top-1 accuracy of noisy queries, two ways: lenient ({@link NoisyQuery#isAnsweredBy}: the written
 * address, or, when the noise left out the unit or building, any address agreeing on every part still
 * given) and strict (the very address the query was written from). Keeps the first few misses to show.
 * Not thread-safe: fill it after the measured loop from the answers it recorded.
 */
public final class TopOneTally {
    private final int missesKept;
    private final List<String> misses = new ArrayList<>();
    private int total;
    private int answered;
    private int exact;
    private int partDropped;

    public TopOneTally(int missesKept) {
        this.missesKept = missesKept;
    }

    /** Counts one query with the top answer it got ({@code null} when none). */
    public void add(NoisyQuery query, AddressEntry top) {
        total++;
        partDropped += query.partDropped() ? 1 : 0;
        if (top != null && top.id() == query.source().id()) {
            exact++;
        }
        if (query.isAnsweredBy(top)) {
            answered++;
        } else if (misses.size() < missesKept) {
            misses.add(query.text() + " → " + (top == null ? "nothing" : top.text()) + " (written from "
                    + query.source().text() + ")");
        }
    }

    public int total() {
        return total;
    }

    /** Lenient top-1 accuracy, 0..1 (NaN before any query). */
    public double accuracy() {
        return total == 0 ? Double.NaN : answered / (double) total;
    }

    /** Strict top-1 accuracy: the same address id, 0..1 (NaN before any query). */
    public double strictAccuracy() {
        return total == 0 ? Double.NaN : exact / (double) total;
    }

    /** Queries whose noise left out the unit or building. */
    public int partDropped() {
        return partDropped;
    }

    public int missed() {
        return total - answered;
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }
}
