package org.cityos.hashchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SeqPagesTest {
    @Test
    void walks_every_position_across_page_boundaries_asking_by_keyset() {
        List<Long> rows = LongStream.rangeClosed(1, 10).boxed().toList();
        List<Long> asked = new ArrayList<>();
        SeqPages<Long> pages = new SeqPages<>(
                1,
                5,
                from -> {
                    asked.add(from);
                    return rows.stream().filter(r -> r >= from).limit(5).toList();
                },
                Long::longValue);

        List<Long> seen = new ArrayList<>();
        pages.forEachRemaining(seen::add);

        assertThat(seen).isEqualTo(rows);
        assertThat(asked).as("a full last page costs one more, empty, query").containsExactly(1L, 6L, 11L);
    }

    @Test
    void stops_at_the_largest_position_instead_of_wrapping_around() {
        List<Long> rows = List.of(Long.MIN_VALUE, Long.MAX_VALUE);
        SeqPages<Long> pages = new SeqPages<>(
                Long.MIN_VALUE,
                2,
                from -> rows.stream().filter(r -> r >= from).limit(2).toList(),
                Long::longValue);

        List<Long> seen = new ArrayList<>();
        pages.forEachRemaining(seen::add);

        assertThat(seen).containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
