package org.cityos.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.event.EventBus;
import org.cityos.outbox.TestEvents.SensorSilenced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;

/** The auto-configuration as an application gets it: beans, bound properties, lifecycle, gauges. */
class OutboxConfigurationIT {
    private OutboxDatabase db;

    @BeforeEach
    void setUp() {
        db = OutboxDatabase.create();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void providesARunningEventBusAdminAndGauges() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OutboxConfiguration.class))
                .withBean(DataSource.class, () -> db.dataSource)
                .withBean(PlatformTransactionManager.class, () -> db.transactions)
                .withBean(Clock.class, () -> db.clock)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("cityos.events.max-attempts=1", "cityos.events.poll-interval=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EventProperties.class).maxAttempts())
                            .isEqualTo(1);
                    EventBus bus = context.getBean(EventBus.class);
                    assertThat(bus).isInstanceOf(OutboxEventBus.class);
                    assertThat(((OutboxEventBus) bus).isRunning())
                            .as("started with the context")
                            .isTrue();

                    bus.subscribe("broken", SensorSilenced.class, (event, metadata) -> {
                        throw new IllegalStateException("down");
                    });
                    db.tx.executeWithoutResult(s -> bus.publish(new SensorSilenced("aq-9")));

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    OutboxAdmin admin = context.getBean(OutboxAdmin.class);
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> admin.stats().parked() == 1);
                    assertThat(admin.stats()).isEqualTo(new OutboxStats(0, 1, 1));
                    assertThat(meters.get("cityos.events.parked").gauge().value())
                            .isEqualTo(1.0);
                    assertThat(meters.get("cityos.events.pending").gauge().value())
                            .isZero();
                    assertThat(admin.parked(PageRequest.of(0, 5)).items())
                            .extracting(ParkedDelivery::consumer)
                            .containsExactly("broken");
                });
    }
}
