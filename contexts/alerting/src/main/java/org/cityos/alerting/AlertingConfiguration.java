package org.cityos.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.cityos.alerting.internal.alarms.AlarmBook;
import org.cityos.alerting.internal.alarms.AlarmPolicy;
import org.cityos.alerting.internal.alarms.AlarmWriter;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.RuleCompiler;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.expr.ConditionCompiler;
import org.cityos.alerting.internal.runtime.AlertingRuntime;
import org.cityos.alerting.internal.runtime.IotDeviceCatalog;
import org.cityos.alerting.internal.runtime.StateKeeper;
import org.cityos.alerting.persistence.AlarmRepository;
import org.cityos.alerting.persistence.RuleRepository;
import org.cityos.alerting.persistence.RuleStateRepository;
import org.cityos.audit.AuditTrail;
import org.cityos.iot.DeviceEventReported;
import org.cityos.iot.DeviceHealthChanged;
import org.cityos.iot.DeviceLookup;
import org.cityos.iot.DeviceTypes;
import org.cityos.iot.StoredReading;
import org.cityos.iot.TelemetryHistory;
import org.cityos.iot.TelemetryObserver;
import org.cityos.kernel.event.EventBus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles alerting: the rule engine fed by committed telemetry and by iot's health and event facts, the alarm
 * writer behind it, the facades, and the runtime that ticks it all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
public class AlertingConfiguration {

    @Bean
    DeviceCatalog alertingDeviceCatalog(DeviceLookup devices, DeviceTypes types) {
        return new IotDeviceCatalog(devices, types);
    }

    @Bean
    ConditionCompiler conditionCompiler() {
        return new ConditionCompiler();
    }

    @Bean
    RuleCompiler ruleCompiler(ConditionCompiler conditions, DeviceCatalog catalog) {
        return new RuleCompiler(conditions, catalog);
    }

    @Bean
    AlarmPolicy alarmPolicy(AlertingProperties p) {
        return new AlarmPolicy(
                p.reopenWithin(),
                p.flapThreshold(),
                p.settleAfter(),
                p.ackRed(),
                p.ackOrange(),
                p.ackYellow(),
                p.ackBlue(),
                p.maxEscalations(),
                p.lazyCommit());
    }

    @Bean
    AlarmBook alarmBook(
            AlarmRepository alarms,
            @Lazy Rules rules,
            EventBus events,
            TransactionTemplate transactions,
            AlarmPolicy policy,
            Clock clock) {
        return new AlarmBook(alarms, rules::find, events, transactions, policy, clock);
    }

    @Bean(destroyMethod = "close")
    AlarmWriter alarmWriter(AlarmBook book, @Lazy Rules rules, MeterRegistry meters) {
        return new AlarmWriter(book, rules::failed, meters);
    }

    @Bean
    RuleEngine ruleEngine(DeviceCatalog catalog, AlarmWriter writer, Clock clock, EventBus events) {
        RuleEngine engine = new RuleEngine(catalog, writer, clock);
        events.subscribe(
                "alerting.device-health",
                DeviceHealthChanged.class,
                (e, meta) -> engine.health(e.id(), e.change(), clock.instant()));
        events.subscribe(
                "alerting.device-events",
                DeviceEventReported.class,
                (e, meta) -> engine.event(e.id(), e.name(), e.dataJson(), e.at()));
        return engine;
    }

    @Bean
    TelemetryObserver alertingObserver(RuleEngine engine, AlertingProperties properties) {
        boolean onArrival = properties.onArrival();
        return new TelemetryObserver() {
            @Override
            public void stored(List<StoredReading> readings) {
                engine.stored(readings);
            }

            @Override
            public boolean ahead() {
                return onArrival;
            }
        };
    }

    @Bean
    Rules rules(RuleRepository repository, RuleCompiler compiler, RuleEngine engine, AuditTrail audit, Clock clock) {
        return new Rules(repository, compiler, engine, audit, clock);
    }

    @Bean
    Alarms alarms(
            AlarmRepository repository,
            RuleEngine engine,
            EventBus events,
            AuditTrail audit,
            TransactionTemplate transactions,
            Clock clock) {
        return new Alarms(repository, engine, events, audit, transactions, clock);
    }

    @Bean
    RuleTemplates ruleTemplates(Rules rules) {
        return new RuleTemplates(rules);
    }

    @Bean
    StateKeeper stateKeeper(RuleEngine engine, RuleStateRepository repository, Clock clock) {
        return new StateKeeper(engine, repository, clock);
    }

    @Bean
    DryRuns dryRuns(
            RuleCompiler compiler, DeviceCatalog catalog, TelemetryHistory history, AlertingProperties properties) {
        return new DryRuns(compiler, catalog, history, properties);
    }

    @Bean
    AlertingRuntime alertingRuntime(
            Rules rules,
            RuleEngine engine,
            AlarmRepository alarms,
            AlarmBook book,
            AlarmWriter writer,
            StateKeeper state,
            Clock clock,
            AlertingProperties properties) {
        return new AlertingRuntime(
                rules, engine, alarms, book, writer, state, clock, properties.tick(), properties.scheduled());
    }
}
