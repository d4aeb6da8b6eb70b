package org.cityos.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The {@code cityos.workflow.*} defaults the brief promises, binding from configuration, and refused values. */
class WorkflowPropertiesTest {

    @Test
    void defaultsWhenNothingIsConfigured() {
        WorkflowProperties bound = bind(Map.of());

        assertThat(bound).isEqualTo(WorkflowProperties.defaults());
        assertThat(bound.poll()).isEqualTo(Duration.ofMillis(500));
        assertThat(bound.batch()).isEqualTo(200);
        assertThat(bound.threads()).isEqualTo(2);
        assertThat(bound.maxAttempts()).isEqualTo(10);
        assertThat(bound.backoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bound.scheduled()).isTrue();
    }

    @Test
    void bindsKebabCaseKeys() {
        WorkflowProperties bound = bind(Map.of(
                "cityos.workflow.poll", "2s",
                "cityos.workflow.max-attempts", "4",
                "cityos.workflow.backoff-max", "10m"));

        assertThat(bound.poll()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bound.maxAttempts()).isEqualTo(4);
        assertThat(bound.backoffMax()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesValuesThatCannotWork() {
        WorkflowProperties d = WorkflowProperties.defaults();
        assertThatThrownBy(() -> d.withBatch(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withPoll(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("backoff-max");
    }

    private static WorkflowProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("cityos.workflow", WorkflowProperties.class);
    }
}
