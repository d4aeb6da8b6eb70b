package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.alerting.Geofence;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.internal.expr.Facts;
import org.cityos.kernel.GeoPoint;

/**
 * What the clock and the companions drive: durations and dwells that complete without a new reading, windows
 * that slide, silences, scheduled checks; and composite rules, whose subjects are judged again when a companion
 * within their radius reports.
 */
final class Sweep {
    private final RuleEngine engine;
    private final Judge judge;
    private final DeviceCatalog catalog;
    private final Map<RuleId, Long> enumerated = new ConcurrentHashMap<>();
    private final Map<RuleId, Long> nextRun = new ConcurrentHashMap<>();
    private final Map<RuleId, Companions> companions = new ConcurrentHashMap<>();

    Sweep(RuleEngine engine, Judge judge, DeviceCatalog catalog) {
        this.engine = engine;
        this.judge = judge;
        this.catalog = catalog;
    }

    void tick(Ruleset rs, long now) {
        for (CompiledRule r : rs.rules) {
            engine.guarded(rs, r, () -> tick(rs, r, now));
        }
    }

    private void tick(Ruleset rs, CompiledRule r, long now) {
        Scratch sc = engine.scratchFor(rs);
        switch (r.kind) {
            case DURATION ->
                each(rs.timing(r), s -> s.since >= 0 && !s.active && now - s.since >= r.windowMillis, s -> {
                    Facts f = facts(rs, sc, r, s, now);
                    engine.raise(s, f, now);
                });
            case GEOFENCE -> {
                if (Geofence.DWELL.equals(r.fenceTrigger)) {
                    each(rs.timing(r), s -> Boolean.TRUE.equals(s.inside) && !s.active, s -> {
                        Facts f = facts(rs, sc, r, s, now);
                        f.bool(r.slot(RuleVocabulary.INSIDE), true);
                        f.number(r.slot(RuleVocabulary.DWELL), (now - s.since) / 60_000.0);
                        judge.dwell(s, f, now);
                    });
                }
            }
            case AGGREGATE ->
                each(
                        rs.states(r).values(),
                        s -> s.window != null && s.window.size() > 0 && s.window.oldest() < now - r.windowMillis,
                        s -> {
                            s.window.evict(now - r.windowMillis);
                            s.changed();
                            Facts f = facts(rs, sc, r, s, now);
                            judge.aggregates(s, f);
                            judge.threshold(s, f, now);
                        });
            case NO_DATA -> {
                enumerate(rs, r, now);
                each(
                        rs.states(r).values(),
                        s -> !s.active && s.lastSeen > 0 && now - s.lastSeen >= r.windowMillis,
                        s -> {
                            Facts f = facts(rs, sc, r, s, now);
                            f.number(r.slot(RuleVocabulary.AGE), (now - s.lastSeen) / 1000.0);
                            if (r.condition == null || r.condition.test(f)) {
                                engine.raise(s, f, now);
                            }
                        });
            }
            case SCHEDULED -> {
                long due = nextRun.computeIfAbsent(r.rule().id(), k -> (now / r.windowMillis + 1) * r.windowMillis);
                if (now < due) {
                    return;
                }
                nextRun.put(r.rule().id(), (now / r.windowMillis + 1) * r.windowMillis);
                enumerate(rs, r, now);
                each(rs.states(r).values(), s -> true, s -> {
                    Facts f = facts(rs, sc, r, s, now);
                    DeviceSlot slot = engine.slot(rs, s.subject);
                    long seen = slot.tracked() ? slot.values.lastSeen() : 0;
                    f.number(r.slot(RuleVocabulary.AGE), seen == 0 ? Double.POSITIVE_INFINITY : (now - seen) / 1000.0);
                    judge.threshold(s, f, now);
                });
            }
            default -> {}
        }
    }

    /** Makes a state for every registered device in the rule's scope (once per ruleset), silence counted from now. */
    private void enumerate(Ruleset rs, CompiledRule r, long now) {
        if (Long.valueOf(rs.version).equals(enumerated.get(r.rule().id()))) {
            return;
        }
        for (String type : r.types()) {
            catalog.ofType(type, d -> {
                if (r.covers(d)) {
                    SubjectState s = rs.state(r, d.id(), d);
                    synchronized (engine.lockOf(s)) {
                        s.device = d;
                        if (s.lastSeen == 0) {
                            s.lastSeen = now;
                        }
                    }
                }
            });
        }
        enumerated.put(r.rule().id(), rs.version);
    }

    private interface Test {
        boolean test(SubjectState s);
    }

    private interface Action {
        void run(SubjectState s);
    }

    private void each(Iterable<SubjectState> states, Test when, Action action) {
        for (SubjectState s : states) {
            if (!when.test(s)) {
                continue;
            }
            synchronized (engine.lockOf(s)) {
                if (when.test(s)) {
                    action.run(s);
                }
            }
        }
    }

    private Facts facts(Ruleset rs, Scratch sc, CompiledRule r, SubjectState s, long now) {
        Facts f = sc.facts(rs, r);
        if (s.device != null) {
            DeviceSlot slot = engine.slot(rs, s.subject);
            if (slot.tracked()) {
                r.fill(f, slot.values, slot.facts, java.time.Instant.ofEpochMilli(now));
            }
        }
        return f;
    }

    /** Whether some companion within the rule's radius of the subject meets the companion condition now. */
    boolean companionHolds(Ruleset rs, Scratch sc, CompiledRule r, SubjectState s, long at) {
        if (s.device == null || s.device.location() == null) {
            return false;
        }
        for (Companions.Near near : companions(rs, r).near(s.device)) {
            DeviceSlot c = engine.slot(rs, near.id());
            if (!c.tracked()) {
                continue;
            }
            synchronized (c) {
                Facts f = sc.companion(rs, r);
                TypeFacts t = c.values.type();
                for (int i = 0; i < t.size(); i++) {
                    int slot = r.companionVocabulary.slot(t.name(i));
                    if (t.type(i) == org.cityos.alerting.internal.expr.VarType.TEXT) {
                        if (c.values.text(i) != null) {
                            f.text(slot, c.values.text(i));
                        }
                    } else if (!Double.isNaN(c.values.number(i))) {
                        f.number(slot, c.values.number(i));
                    }
                }
                String property = r.rule().draft().companion().property();
                if (property != null && t.index(property) >= 0) {
                    f.number(r.companionVocabulary.slot(RuleVocabulary.RATE), c.values.rate(t.index(property)));
                    f.number(r.companionVocabulary.slot(RuleVocabulary.DELTA), c.values.delta(t.index(property)));
                }
                f.number(r.companionVocabulary.slot(RuleVocabulary.DISTANCE), near.metres());
                if (r.companion.test(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A companion reported: judge again the subjects that have it within their radius. */
    void companionMoved(Ruleset rs, CompiledRule r, DeviceSlot companion) {
        GeoPoint at = companion.facts.location();
        if (at == null) {
            return;
        }
        double radius = r.rule().draft().companion().radiusMetres();
        List<SubjectState> near = new ArrayList<>();
        for (SubjectState s : rs.states(r).values()) {
            if (s.device != null
                    && s.device.location() != null
                    && s.device.location().distanceTo(at) <= radius) {
                near.add(s);
            }
        }
        Scratch sc = engine.scratchFor(rs);
        long now = companion.values.lastSeen();
        for (SubjectState s : near) {
            DeviceSlot slot = engine.slot(rs, s.subject);
            if (!slot.tracked()) {
                continue;
            }
            synchronized (slot) {
                Facts f = sc.facts(rs, r);
                r.fill(f, slot.values, slot.facts, java.time.Instant.ofEpochMilli(now));
                boolean held = r.condition.test(f) && companionHolds(rs, sc, r, s, now);
                judge.level(s, held, f, now);
            }
        }
    }

    private Companions companions(Ruleset rs, CompiledRule r) {
        Companions c = companions.get(r.rule().id());
        if (c == null || c.version != rs.version) {
            c = new Companions(rs.version, r.rule().draft().companion().radiusMetres());
            Companions filling = c;
            catalog.ofType(r.rule().draft().companion().deviceType(), filling::add);
            companions.put(r.rule().id(), c);
        }
        return c;
    }
}
