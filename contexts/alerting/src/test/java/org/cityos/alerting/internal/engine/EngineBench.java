package org.cityos.alerting.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.internal.expr.ConditionCompiler;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.iot.StoredReading;
import org.cityos.kernel.GeoPoint;
import org.cityos.testkit.MutableClock;

/** An engine over an in-memory device catalogue, collecting its findings: the test bench for rule kinds. */
final class EngineBench implements DeviceCatalog, FindingSink {
    final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    final Map<String, DeviceFacts> devices = new LinkedHashMap<>();
    final Map<String, TypeFacts> types = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final RuleCompiler compiler = new RuleCompiler(new ConditionCompiler(), this);
    final RuleEngine engine = new RuleEngine(this, this, clock);

    EngineBench type(String code, Object... nameAndType) {
        LinkedHashMap<String, VarType> p = new LinkedHashMap<>();
        for (int i = 0; i < nameAndType.length; i += 2) {
            p.put((String) nameAndType[i], (VarType) nameAndType[i + 1]);
        }
        types.put(code, new TypeFacts(code, p));
        return this;
    }

    EngineBench device(String id, String type, String division, double lon, double lat, String... tags) {
        devices.put(id, new DeviceFacts(id, type, division, "water", List.of(tags), GeoPoint.of(lon, lat)));
        return this;
    }

    Rule rules(RuleDraft... drafts) {
        List<CompiledRule> compiled = new ArrayList<>();
        Rule last = null;
        for (RuleDraft d : drafts) {
            List<RuleIssue> issues = compiler.check(d);
            if (!issues.isEmpty()) {
                throw new AssertionError("rule refused: " + issues);
            }
            last = new Rule(RuleId.random(), d, true, null, null, 1, "test", clock.instant(), clock.instant());
            compiled.add(compiler.compile(last));
        }
        engine.load(compiled);
        return last;
    }

    void send(String device, String property, double value) {
        engine.stored(List.of(new StoredReading(device, property, clock.instant(), value, null)));
    }

    void sendText(String device, String property, String value) {
        engine.stored(List.of(new StoredReading(device, property, clock.instant(), Double.NaN, value)));
    }

    void sendAll(String device, Object... propertyAndValue) {
        List<StoredReading> r = new ArrayList<>();
        for (int i = 0; i < propertyAndValue.length; i += 2) {
            r.add(new StoredReading(
                    device,
                    (String) propertyAndValue[i],
                    clock.instant(),
                    ((Number) propertyAndValue[i + 1]).doubleValue(),
                    null));
        }
        engine.stored(r);
    }

    void pass(Duration d) {
        clock.advance(d);
        engine.tick(clock.instant());
    }

    List<Finding.Change> changes() {
        return findings.stream().map(Finding::change).toList();
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public Optional<DeviceFacts> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public void ofType(String typeCode, Consumer<DeviceFacts> each) {
        devices.values().stream().filter(d -> d.typeCode().equals(typeCode)).forEach(each);
    }

    @Override
    public Optional<TypeFacts> type(String code) {
        return Optional.ofNullable(types.get(code));
    }

    @Override
    public void accept(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void ruleFailed(RuleId rule, String reason) {
        failures.add(rule.value() + ": " + reason);
    }
}
