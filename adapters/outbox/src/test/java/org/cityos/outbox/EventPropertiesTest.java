package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EventPropertiesTest {
    @Test
    void bindsDefaultsWhenNothingIsConfigured() {
        EventProperties bound = bind(Map.of());

        assertThat(bound).isEqualTo(EventProperties.defaults());
        assertThat(bound.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(bound.batchSize()).isEqualTo(500);
        assertThat(bound.maxAttempts()).isEqualTo(8);
        assertThat(bound.backoffBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(bound.backoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bound.retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void bindsTheDocumentedKeys() {
        EventProperties bound = bind(Map.of(
                "cityos.events.poll-interval", "2s",
                "cityos.events.batch-size", "50",
                "cityos.events.max-attempts", "3",
                "cityos.events.backoff-base", "200ms",
                "cityos.events.backoff-max", "1m",
                "cityos.events.retention", "30d",
                "cityos.events.lazy-delivery", "true"));

        assertThat(bound)
                .isEqualTo(new EventProperties(
                        Duration.ofSeconds(2),
                        50,
                        3,
                        Duration.ofMillis(200),
                        Duration.ofMinutes(1),
                        Duration.ofDays(30),
                        true));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> bind(Map.of("cityos.events.max-attempts", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> bind(Map.of("cityos.events.backoff-max", "10ms")))
                .isInstanceOf(BindException.class);
    }

    private static EventProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("cityos.events", EventProperties.class);
    }
}
