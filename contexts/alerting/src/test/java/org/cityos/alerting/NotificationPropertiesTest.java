package org.cityos.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {
    @Test
    void defaultsBackOffThirtySecondsTwoMinutesTenMinutesThenHourly() {
        NotificationProperties p = NotificationProperties.defaults();
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(p.maxAttempts()).isEqualTo(8);
        assertThat(p.scheduled()).isTrue();
        assertThat(p.stream().heartbeat()).isEqualTo(Duration.ofSeconds(15));
        assertThat(p.sms()).isEmpty();
    }

    @Test
    void aLeaseShorterThanASendIsRefused() {
        assertThatThrownBy(() -> new NotificationProperties(
                        null,
                        null,
                        null,
                        null,
                        List.of(Duration.ofSeconds(5)),
                        null,
                        Duration.ofSeconds(10),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease");
    }
}
