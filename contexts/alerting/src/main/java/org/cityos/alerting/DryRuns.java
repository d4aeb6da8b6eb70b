package org.cityos.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cityos.alerting.internal.engine.CompiledRule;
import org.cityos.alerting.internal.engine.DeviceCatalog;
import org.cityos.alerting.internal.engine.Finding;
import org.cityos.alerting.internal.engine.FindingSink;
import org.cityos.alerting.internal.engine.RuleCompiler;
import org.cityos.alerting.internal.engine.RuleEngine;
import org.cityos.alerting.internal.engine.RuleIssue;
import org.cityos.iot.TelemetryHistory;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;

/**
 * Evaluates a draft rule against stored history with a private engine whose clock is the readings' own time, and
 * reports the alarms it would have raised. Nothing is written; the live engine is not touched.
 */
public class DryRuns {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final long TICK_MS = 60_000;

    private final RuleCompiler compiler;
    private final DeviceCatalog catalog;
    private final TelemetryHistory history;
    private final AlertingProperties properties;

    public DryRuns(RuleCompiler compiler, DeviceCatalog catalog, TelemetryHistory history, AlertingProperties p) {
        this.compiler = compiler;
        this.catalog = catalog;
        this.history = history;
        this.properties = p;
    }

    public DryRunResult run(Actor actor, RuleDraft draft, Instant from, Instant to) {
        actor.require(Permission.RULE_WRITE);
        List<FieldIssue> problems = new ArrayList<>();
        if (from == null || to == null || !from.isBefore(to)) {
            problems.add(new FieldIssue("from", "alerting.dry-run.range"));
        } else if (Duration.between(from, to).compareTo(properties.dryRunMaxRange()) > 0) {
            problems.add(new FieldIssue(
                    "to",
                    "alerting.dry-run.too-long",
                    properties.dryRunMaxRange().toDays()));
        }
        if (draft.kind() == RuleKind.DEVICE_OFFLINE || draft.kind() == RuleKind.DEVICE_EVENT) {
            problems.add(new FieldIssue("kind", "alerting.dry-run.kind", String.valueOf(draft.kind())));
        }
        for (RuleIssue i : compiler.check(draft)) {
            problems.add(new FieldIssue(i.field(), i.key(), i.messageArgs()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Rule rule = new Rule(RuleId.random(), draft, true, null, null, 1, actor.id(), from, from);
        CompiledRule compiled = compiler.compile(rule);
        Collected collected = new Collected(actor);
        ReplayClock clock = new ReplayClock(from);
        RuleEngine engine = new RuleEngine(catalog, collected, clock);
        engine.load(List.of(compiled));
        long[] nextTick = {from.toEpochMilli() + TICK_MS};
        long limit = properties.dryRunMaxReadings();
        long n = history.replay(
                compiled.rule().draft().scope().deviceTypes().isEmpty()
                        ? scopeTypes(draft)
                        : draft.scope().deviceTypes(),
                List.of(),
                from,
                to,
                limit,
                r -> {
                    long t = r.at().toEpochMilli();
                    while (t >= nextTick[0]) {
                        clock.at = nextTick[0];
                        engine.tick(Instant.ofEpochMilli(nextTick[0]));
                        nextTick[0] += TICK_MS;
                    }
                    clock.at = t;
                    engine.stored(List.of(r));
                });
        long end = to.toEpochMilli();
        while (nextTick[0] <= end) {
            clock.at = nextTick[0];
            engine.tick(Instant.ofEpochMilli(nextTick[0]));
            nextTick[0] += TICK_MS;
        }
        return collected.result(from, to, n, n >= limit);
    }

    private List<String> scopeTypes(RuleDraft draft) {
        List<String> types = new ArrayList<>();
        for (String id : draft.scope().devices()) {
            catalog.device(id).ifPresent(d -> {
                if (!types.contains(d.typeCode())) {
                    types.add(d.typeCode());
                }
            });
        }
        return types;
    }

    /** A clock that reads the replay's current time. */
    private static final class ReplayClock extends Clock {
        long at;

        ReplayClock(Instant start) {
            at = start.toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(at);
        }
    }

    private static final class Collected implements FindingSink {
        private final Actor actor;
        private final Map<String, DryRunResult.Subject> subjects = new LinkedHashMap<>();
        private final Map<String, Integer> byDivision = new TreeMap<>();
        private final Map<String, Integer> byDay = new TreeMap<>();
        private int alarms;
        private int clears;

        Collected(Actor actor) {
            this.actor = actor;
        }

        @Override
        public void accept(Finding f) {
            if (f.division() != null
                    && !actor.isSystem()
                    && DivisionCode.isValid(f.division())
                    && !actor.covers(DivisionCode.of(f.division()))) {
                return;
            }
            if (f.change() == Finding.Change.CLEAR) {
                clears++;
                return;
            }
            if (f.change() != Finding.Change.RAISE) {
                return;
            }
            alarms++;
            subjects.merge(
                    f.subject(),
                    new DryRunResult.Subject(f.subject(), f.deviceId(), f.division(), f.location(), 1, f.at(), f.at()),
                    (a, b) -> new DryRunResult.Subject(
                            a.subject(),
                            a.deviceId(),
                            a.division(),
                            a.location(),
                            a.alarms() + 1,
                            a.first(),
                            b.last()));
            byDivision.merge(String.valueOf(f.division()), 1, Integer::sum);
            byDay.merge(f.at().atZone(LOCAL).toLocalDate().toString(), 1, Integer::sum);
        }

        DryRunResult result(Instant from, Instant to, long readings, boolean truncated) {
            List<DryRunResult.Subject> top = subjects.values().stream()
                    .sorted(Comparator.comparingInt(DryRunResult.Subject::alarms)
                            .reversed())
                    .limit(500)
                    .toList();
            return new DryRunResult(from, to, readings, truncated, alarms, clears, top, byDivision, byDay);
        }
    }
}
