package org.cityos.iot;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.internal.ingest.BatchStore;
import org.cityos.iot.internal.ingest.DecodingRule;
import org.cityos.iot.internal.ingest.DecodingRules;
import org.cityos.iot.internal.ingest.DeviceDirectory;
import org.cityos.iot.internal.ingest.HealthWatch;
import org.cityos.iot.internal.ingest.InboundLog;
import org.cityos.iot.internal.ingest.IngestMetrics;
import org.cityos.iot.internal.ingest.IngestQueue;
import org.cityos.iot.internal.ingest.LatestState;
import org.cityos.iot.internal.ingest.MessageDecoder;
import org.cityos.iot.internal.normalise.Normaliser;
import org.cityos.iot.persistence.CommandRepository;
import org.cityos.iot.persistence.DeadLetterRepository;
import org.cityos.iot.persistence.DeviceRepository;
import org.cityos.iot.persistence.IntegrationRepository;
import org.cityos.iot.persistence.LatestRepository;
import org.cityos.iot.persistence.PayloadMappingRepository;
import org.cityos.iot.persistence.TelemetryPartitions;
import org.cityos.iot.persistence.TelemetryQueries;
import org.cityos.iot.persistence.TelemetryRollups;
import org.cityos.iot.persistence.TelemetryWriter;
import org.cityos.kernel.event.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles the ingest path: decoder → inbound log (the in-process queue by default; Kafka when configured
 * supplies its own {@link InboundLog}) → batch store → latest state → live feed, plus the facades the edges and
 * the web layer use, and the housekeeping jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TelemetryProperties.class, BrokerProperties.class})
public class TelemetryConfiguration {

    @Bean
    DeviceDirectory deviceDirectory(DeviceRepository devices, Clock clock) {
        return new DeviceDirectory(devices, clock);
    }

    @Bean
    LatestState latestState() {
        return new LatestState();
    }

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry registry) {
        return new IngestMetrics(registry);
    }

    @Bean
    PayloadMappings payloadMappings(
            PayloadMappingRepository repository, DeviceTypes types, AuditTrail audit, Clock clock) {
        return new PayloadMappings(repository, types, audit, clock);
    }

    @Bean
    MessageDecoder messageDecoder(
            DeviceTypes types, DeviceDirectory directory, PayloadMappings mappings, @Lazy Integrations integrations) {
        DecodingRules rules = new DecodingRules() {
            @Override
            public DecodingRule forType(String typeCode) {
                return mappings.rule(typeCode);
            }

            @Override
            public DecodingRule forIntegration(String integrationId, String typeCode) {
                return integrations.rule(integrationId, mappings.rule(typeCode));
            }
        };
        return new MessageDecoder(new Normaliser(), types::find, directory, rules);
    }

    @Bean
    DeviceLookup deviceLookup(DeviceDirectory directory, DeviceRepository devices) {
        return new DeviceLookup(directory, devices);
    }

    @Bean
    TelemetryHistory telemetryHistory(TelemetryQueries queries, TransactionTemplate transactions) {
        return new TelemetryHistory(queries, transactions);
    }

    @Bean
    LiveFeed liveFeed(DeviceDirectory directory, TelemetryProperties properties) {
        return new LiveFeed(directory, Duration.ofMillis(250), properties.livePendingDevices());
    }

    @Bean
    BatchStore batchStore(
            TransactionTemplate transactions,
            TelemetryWriter writer,
            MessageDecoder decoder,
            LatestState latest,
            DeviceDirectory directory,
            EventBus events,
            IngestMetrics metrics,
            Clock clock,
            TelemetryProperties properties,
            LiveFeed live,
            ObjectProvider<TelemetryObserver> observers) {
        java.util.function.Supplier<List<TelemetryObserver>> resolved = new java.util.function.Supplier<>() {
            private volatile List<TelemetryObserver> list;

            @Override
            public List<TelemetryObserver> get() {
                List<TelemetryObserver> l = list;
                if (l == null) {
                    l = observers.orderedStream().toList();
                    list = l;
                }
                return l;
            }
        };
        return new BatchStore(
                transactions,
                writer,
                decoder,
                latest,
                directory,
                events,
                metrics,
                clock,
                properties.lowBattery(),
                List.of(live),
                () -> live.subscribers() > 0,
                resolved);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${cityos.kafka.bootstrap-servers:}'.isBlank()")
    IngestQueue<?> ingestQueue(BatchStore store, IngestMetrics metrics, TelemetryProperties properties) {
        return store.queue(metrics, properties.queueCapacity(), properties.maxBatch(), properties.writers());
    }

    @Bean
    TelemetryIngest telemetryIngest(
            ObjectProvider<InboundLog> log,
            DeviceCredentials credentials,
            DeviceDirectory directory,
            IngestMetrics metrics,
            TelemetryProperties properties) {
        return new TelemetryIngest(
                log.getObject(),
                credentials,
                directory,
                metrics,
                properties.maxPayload().toBytes());
    }

    @Bean
    Integrations integrations(
            IntegrationRepository repository,
            DeviceRepository devices,
            DeviceDirectory directory,
            TelemetryIngest ingest,
            AuditTrail audit,
            Clock clock) {
        return new Integrations(repository, devices, directory, ingest, audit, clock);
    }

    @Bean
    Telemetry telemetry(
            Devices devices,
            TelemetryQueries queries,
            TelemetryRollups rollups,
            LatestState latest,
            LatestRepository latestRepository) {
        return new Telemetry(devices, queries, rollups, latest, latestRepository);
    }

    @Bean
    DeadLetters deadLetters(
            DeadLetterRepository repository,
            MessageDecoder decoder,
            TelemetryIngest ingest,
            Integrations integrations,
            DeviceTypes types,
            AuditTrail audit,
            Clock clock) {
        return new DeadLetters(repository, decoder, ingest, integrations, types, audit, clock);
    }

    @Bean
    DeviceCommands deviceCommands(
            CommandRepository repository,
            Devices devices,
            DeviceTypes types,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock,
            TelemetryProperties properties) {
        return new DeviceCommands(repository, devices, types, audit, transactions, clock, properties.commandTtl());
    }

    @Bean
    HealthWatch healthWatch(
            LatestState latest,
            LatestRepository repository,
            DeviceDirectory directory,
            DeviceTypes types,
            EventBus events,
            TransactionTemplate transactions,
            Clock clock,
            TelemetryProperties properties) {
        return new HealthWatch(
                latest,
                repository,
                directory,
                types::find,
                events,
                transactions,
                clock,
                properties.offlineFactor(),
                properties.minOfflineAfter(),
                properties.latestFlushRows());
    }

    @Bean
    TelemetryJobs telemetryJobs(
            TelemetryPartitions partitions,
            TelemetryRollups rollups,
            HealthWatch health,
            DeviceCommands commands,
            DeviceTypes types,
            TelemetryProperties properties,
            Clock clock) {
        return new TelemetryJobs(partitions, rollups, health, commands, types, properties, clock);
    }
}
