package org.cityos.alerting;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cityos.alerting.internal.alarms.AlarmBook;
import org.cityos.alerting.internal.alarms.AlarmWriter;
import org.cityos.alerting.internal.engine.RuleCompiler;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.expr.ConditionCompiler;
import org.cityos.alerting.internal.runtime.AlertingRuntime;
import org.cityos.alerting.internal.runtime.StateKeeper;
import org.cityos.alerting.persistence.RuleRepository;
import org.cityos.alerting.persistence.RuleStateRepository;
import org.cityos.iot.StoredReading;
import org.cityos.kernel.event.EventBus;

/**
 * One CityOS node's alerting, wired as {@code AlertingConfiguration} wires it, over the bench's shared database:
 * engine, alarm writer and book, rules, the operators' facade, state keeper and the runtime (not scheduled: tests
 * step it). A second node over the same bench is another node of the cluster, or the same node after a restart.
 */
final class AlarmNode implements AutoCloseable {
    final AlarmBench bench;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AlarmBook book;
    final AlarmWriter writer;
    final RuleEngine engine;
    final Rules rules;
    final Alarms alarms;
    final StateKeeper state;
    final AlertingRuntime runtime;

    AlarmNode(AlarmBench bench, EventBus events) {
        this.bench = bench;
        // Book and writer need the rules, the rules need the engine, the engine needs the writer: Spring breaks the
        // circle with @Lazy, these lambdas look the rules up when called.
        AtomicReference<Rules> late = new AtomicReference<>();
        book = new AlarmBook(bench.alarms, id -> late.get().find(id), events, bench.tx, bench.policy, bench.clock);
        writer = new AlarmWriter(book, (id, reason) -> late.get().failed(id, reason), meters);
        engine = new RuleEngine(bench.devices, writer, bench.clock);
        rules = new Rules(
                new RuleRepository(bench.jdbc),
                new RuleCompiler(new ConditionCompiler(), bench.devices),
                engine,
                bench.audit,
                bench.clock);
        late.set(rules);
        alarms = new Alarms(bench.alarms, engine, events, bench.audit, bench.tx, bench.clock);
        state = new StateKeeper(engine, new RuleStateRepository(bench.jdbc), bench.clock);
        runtime = new AlertingRuntime(
                rules, engine, bench.alarms, book, writer, state, bench.clock, Duration.ofSeconds(1), false);
    }

    /** Saves an enabled rule (the engine reloads). */
    RuleId rule(RuleDraft draft) {
        return rules.create(AlarmBench.SYSTEM, draft, true, null).id();
    }

    /** A committed reading of the device's water level, now; returns when its findings are written. */
    void level(String device, double value) {
        engine.stored(List.of(new StoredReading(device, "currentLevel", bench.clock.instant(), value, null)));
        writer.drain();
    }

    /** Moves the clock and lets the engine see the time; findings written on return. */
    void pass(Duration d) {
        bench.pass(d);
        tick();
    }

    void tick() {
        runtime.step(false);
        writer.drain();
    }

    int sweep() {
        return book.sweep();
    }

    double lost() {
        return meters.counter("cityos.alerting.findings.lost").count();
    }

    double written() {
        return meters.counter("cityos.alerting.findings.written").count();
    }

    @Override
    public void close() {
        writer.close();
    }
}
