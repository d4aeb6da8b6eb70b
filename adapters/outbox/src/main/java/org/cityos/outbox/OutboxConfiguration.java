package org.cityos.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the outbox as the application's {@link org.cityos.kernel.event.EventBus}. An auto-configuration
 * (a {@code @Configuration} listed in {@code AutoConfiguration.imports}, like the database adapter) so
 * that having the module on the class path is enough; its tables come from the Flyway location
 * {@code classpath:db/migration/outbox}.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventProperties.class)
public class OutboxConfiguration {

    @Bean
    OutboxEventBus outboxEventBus(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            EventProperties properties) {
        return new OutboxEventBus(dataSource, transactions, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    OutboxAdmin outboxAdmin(
            OutboxEventBus bus,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            EventProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        OutboxAdmin admin = new OutboxAdmin(bus, transactions, clock.getIfAvailable(Clock::systemUTC), properties);
        // Metrics are optional: without a registry (no actuator) the outbox works the same.
        meterRegistry.ifAvailable(registry -> OutboxMetrics.bind(registry, admin));
        return admin;
    }
}
