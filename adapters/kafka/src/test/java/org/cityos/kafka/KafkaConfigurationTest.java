package org.cityos.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Kafka clients exist only when servers are configured; the embedded mode gets none. */
class KafkaConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaConfiguration.class));

    @Test
    void withoutServersThereAreNoKafkaClients() {
        runner.run(context -> assertThat(context).doesNotHaveBean(KafkaRecordLog.class));
        runner.withPropertyValues("cityos.kafka.bootstrap-servers=")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(KafkaRecordLog.class)
                        .doesNotHaveBean(KafkaBatchConsumer.class));
    }

    @Test
    void withServersTheClientsAreBoundToTheSettings() {
        runner.withPropertyValues(
                        "cityos.kafka.bootstrap-servers=127.0.0.1:19092",
                        "cityos.kafka.topic-prefix=daxing.",
                        "cityos.kafka.delivery-timeout=5s")
                .run(context -> {
                    assertThat(context).hasSingleBean(KafkaRecordLog.class).hasSingleBean(KafkaBatchConsumer.class);
                    KafkaSettings settings = context.getBean(KafkaSettings.class);
                    assertThat(settings.eventsTopic()).isEqualTo("daxing.events");
                    assertThat(settings.deliveryTimeout()).hasSeconds(5);
                    // No outbox in this context, so nothing to relay.
                    assertThat(context).doesNotHaveBean(KafkaOutboxRelay.class);
                });
    }
}
