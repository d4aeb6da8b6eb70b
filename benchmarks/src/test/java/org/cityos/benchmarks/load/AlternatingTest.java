package org.cityos.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class AlternatingTest {

    @Test
    void oddRoundsRunInReverseOrder() {
        assertThat(Alternating.order(3, 0)).containsExactly(0, 1, 2);
        assertThat(Alternating.order(3, 1)).containsExactly(2, 1, 0);
        assertThat(Alternating.order(2, 2)).containsExactly(0, 1);
    }

    @Test
    void eachSupplierRunsOncePerRoundAndItsSlicesAddUp() {
        List<String> ran = new ArrayList<>();
        List<LoadResult> totals = Alternating.run(
                2,
                List.of(
                        () -> {
                            ran.add("A");
                            return new LoadResult(3, 0, null, 1.0, new Histogram(3));
                        },
                        () -> {
                            ran.add("B");
                            return new LoadResult(5, 1, "boom", 2.0, new Histogram(3));
                        }));

        assertThat(ran).containsExactly("A", "B", "B", "A");
        assertThat(totals.get(0).ok()).isEqualTo(6);
        assertThat(totals.get(0).perSecond()).isEqualTo(3.0);
        assertThat(totals.get(1).errors()).isEqualTo(2);
        assertThat(totals.get(1).firstError()).isEqualTo("boom");
    }
}
