package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.cityos.outbox.internal.Backoff;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheBaseUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(64));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesAZeroBaseOrACapBelowIt() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
