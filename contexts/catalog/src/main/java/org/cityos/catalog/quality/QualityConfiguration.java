package org.cityos.catalog.quality;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.cityos.audit.AuditTrail;
import org.cityos.catalog.Catalog;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.event.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Assembles data quality beside the catalogue: its store, checks, facade and schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityProperties.class)
public class QualityConfiguration {

    @Bean
    QualityStore qualityStore(DataSource dataSource) {
        return new QualityStore(dataSource, JsonMapper.builder().build());
    }

    @Bean
    Quality quality(
            Catalog catalog,
            QualityStore store,
            AuditTrail audit,
            EventBus events,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            QualityProperties properties) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        QualityChecks checks = new QualityChecks(
                store, events, tx, time, meters.getIfAvailable(SimpleMeterRegistry::new), properties.maxRows());
        return new Quality(catalog, store, checks, audit, tx, time, properties);
    }

    /** Asks quality every {@code tick} to run the resources that are due; what is due is decided by the clock. */
    @Bean
    PeriodicJob qualitySchedule(Quality quality, QualityProperties properties) {
        return PeriodicJob.every("cityos-catalog-quality", properties.tick(), quality::runDue)
                .startingIf(properties.scheduleEnabled());
    }
}
