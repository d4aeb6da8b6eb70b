package org.cityos.casework;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.cityos.audit.AuditTrail;
import org.cityos.casework.internal.HotSpotDetector;
import org.cityos.casework.internal.UnitLabels;
import org.cityos.casework.persistence.HotSpotRepository;
import org.cityos.casework.persistence.RateRepository;
import org.cityos.casework.persistence.ReportRepository;
import org.cityos.identity.Departments;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.event.EventBus;
import org.cityos.spatial.Divisions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles the reporting side of casework: rates and league tables, hot spots with their periodic detector, and the
 * daily report. Reads casework's tables only; names of units come from identity and spatial when they are present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateProperties.class, HotSpotProperties.class})
public class RatesConfiguration {
    // The same key and default as spatial's settings, read directly so the reports need no spatial wiring in tests.
    private final DivisionCode district;

    public RatesConfiguration(@Value("${cityos.spatial.district-code:110115000000}") String district) {
        this.district = DivisionCode.of(district);
    }

    @Bean
    UnitLabels rateUnitLabels(
            ObjectProvider<Departments> departments,
            ObjectProvider<Divisions> divisions,
            ObjectProvider<Categories> categories) {
        return new UnitLabels(departments, divisions, categories);
    }

    @Bean
    Rates rates(
            RateRepository rates,
            ReportRepository reports,
            RateProperties properties,
            UnitLabels labels,
            ObjectProvider<MeterRegistry> meters) {
        return new Rates(
                rates,
                reports,
                properties.formula(),
                labels,
                district,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    HotSpots hotSpots(HotSpotRepository repository, AuditTrail audit, Clock clock) {
        return new HotSpots(repository, audit, clock, district);
    }

    @Bean
    HotSpotDetector hotSpotDetector(
            HotSpotRepository repository,
            TransactionTemplate transactions,
            EventBus events,
            Clock clock,
            HotSpotProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new HotSpotDetector(
                repository, transactions, events, clock, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Runs the hot spot detector every {@code interval} (10 minutes by default) unless scheduling is off. */
    @Bean
    PeriodicJob hotSpotSchedule(HotSpotDetector detector, HotSpotProperties properties) {
        return PeriodicJob.every("cityos-casework-hotspots", properties.interval(), detector::detect)
                .startingIf(properties.scheduled());
    }

    @Bean
    DailyReports dailyReports(ReportRepository reports, Rates rates, HotSpots hotSpots, Clock clock) {
        return new DailyReports(reports, rates, hotSpots, clock, district);
    }
}
