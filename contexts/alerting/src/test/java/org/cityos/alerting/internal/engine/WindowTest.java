package org.cityos.alerting.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void keepsSamplesInOrderAcrossWrapsAndGrowth() {
        Window w = new Window();
        for (int t = 1; t <= 10; t++) {
            w.add(t, t * 10.0, null);
        }
        assertThat(w.evict(6)).isTrue(); // drops 1..5: the ring's head moves on
        for (int t = 11; t <= 40; t++) {
            w.add(t, t * 10.0, null); // wraps, then outgrows the first capacity
        }
        assertThat(w.size()).isEqualTo(35);
        assertThat(w.timesInOrder()).startsWith(6L, 7L).endsWith(39L, 40L);
        assertThat(w.valuesInOrder()).startsWith(60.0, 70.0).endsWith(390.0, 400.0);
        assertThat(w.firstTime()).isEqualTo(6);
        assertThat(w.firstValue()).isEqualTo(60.0);
        assertThat(w.oldest()).isEqualTo(6);
        assertThat(w.min()).isEqualTo(60.0);
        assertThat(w.max()).isEqualTo(400.0);
        assertThat(w.sum()).isEqualTo(10.0 * (40 * 41 / 2 - 5 * 6 / 2));
        assertThat(w.avg()).isEqualTo(w.sum() / 35);
        assertThat(w.percentile(50)).isEqualTo(230.0);
        assertThat(w.distinct()).isZero();
        assertThat(w.contributorsInOrder()).hasSize(35).containsOnlyNulls();
    }

    @Test
    void missingValuesCountAsSamplesButNotInTheSum() {
        Window w = new Window();
        w.add(1, Double.NaN, null);
        w.add(2, 4.0, null);
        assertThat(w.size()).isEqualTo(2);
        assertThat(w.avg()).isEqualTo(4.0);
        assertThat(w.min()).isEqualTo(4.0);
        w.evict(3);
        assertThat(w.avg()).isNaN();
        assertThat(w.percentile(95)).isNaN();
    }

    @Test
    void countsDistinctContributorsEvenWhenTheyComeAfterAnonymousSamples() {
        Window w = new Window();
        w.add(1, 1.0, null);
        w.add(2, 1.0, "a");
        w.add(3, 1.0, "b");
        for (int t = 4; t <= 20; t++) {
            w.add(t, 1.0, "a"); // grows with contributors on board
        }
        assertThat(w.distinct()).isEqualTo(2);
        assertThat(w.contributorsInOrder()).startsWith(null, "a", "b").endsWith("a");
        w.evict(4); // "b" had one sample, now gone
        assertThat(w.distinct()).isEqualTo(1);
        w.evict(21);
        assertThat(w.distinct()).isZero();
        assertThat(w.size()).isZero();
        assertThat(w.oldest()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void beyondTheBoundTheOldestFallOut() {
        Window w = new Window();
        for (int t = 0; t < Window.MAX + 3; t++) {
            w.add(t, 1.0, null);
        }
        assertThat(w.size()).isEqualTo(Window.MAX);
        assertThat(w.firstTime()).isEqualTo(3);
        assertThat(w.sum()).isEqualTo(Window.MAX);
    }
}
