package org.cityos.alerting.internal.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.internal.expr.Facts;
import org.cityos.iot.StoredReading;

/**
 * Evaluates the enabled rules against readings (as they arrive, or once committed; ADR 0013), device health changes,
 * device events and the clock. Rules are indexed by device type and property so that a reading touches only the
 * rules that can match; each device's evaluation runs under its slot's monitor, so the threads of the ingest path
 * can call in concurrently. A rule that fails at run time is taken out and reported; the others go on.
 */
public final class RuleEngine implements Verdicts {
    private static final long DEVICE_REFRESH_MS = 1_800_000;

    private final DeviceCatalog catalog;
    private final FindingSink sink;
    private final Clock clock;
    private final Judge judge = new Judge(this);
    private final Map<String, DeviceSlot> devices = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();
    private final AtomicLong versions = new AtomicLong();
    /** Each thread's count of evaluations, written only by its thread (see {@link Scratch#counted}). */
    private final Queue<AtomicLong> evaluations = new ConcurrentLinkedQueue<>();

    private final Sweep sweep;
    private volatile Ruleset ruleset = Ruleset.empty();

    public RuleEngine(DeviceCatalog catalog, FindingSink sink, Clock clock) {
        this.catalog = catalog;
        this.sink = sink;
        this.clock = clock;
        this.sweep = new Sweep(this, judge, catalog);
    }

    /** Replaces the enabled rules; states of rules whose id and version did not change are kept. */
    public synchronized void load(List<CompiledRule> rules) {
        Ruleset old = ruleset;
        ruleset = new Ruleset(versions.incrementAndGet(), rules, old.states, old.changed);
        // A device of a type no rule watched before may be watched now.
        devices.values().removeIf(slot -> !slot.tracked());
    }

    public List<CompiledRule> rules() {
        return ruleset.rules;
    }

    Ruleset currentRuleset() {
        return ruleset;
    }

    /** How many rule evaluations ran (a condition tested for a subject). */
    public long evaluations() {
        long sum = 0;
        for (AtomicLong count : evaluations) {
            sum += count.get();
        }
        return sum;
    }

    /** Committed readings, in the order they were stored. */
    public void stored(List<StoredReading> readings) {
        Ruleset rs = ruleset;
        if (rs.rules.isEmpty()) {
            return;
        }
        int n = readings.size();
        int i = 0;
        while (i < n) {
            String device = readings.get(i).deviceId();
            int j = i + 1;
            // Hashes first: the device look-up needs them anyway, and unequal ids then cost no byte comparison.
            while (j < n && sameId(readings.get(j).deviceId(), device)) {
                j++;
            }
            device(rs, device, readings, i, j);
            i = j;
        }
    }

    private static boolean sameId(String a, String b) {
        return a == b || (a.hashCode() == b.hashCode() && a.equals(b));
    }

    private void device(Ruleset rs, String id, List<StoredReading> readings, int from, int to) {
        DeviceSlot slot = slot(rs, id);
        if (!slot.tracked()) {
            return;
        }
        Scratch sc = scratch(rs);
        boolean companionMoved = false;
        int evaluated = 0;
        synchronized (slot) {
            if (slot.version != rs.version) {
                slot.bind(rs);
            }
            Coverage cov = slot.coverage;
            sc.startTouching();
            TypeFacts type = slot.values.type();
            long latest = 0;
            for (int k = from; k < to; k++) {
                StoredReading r = readings.get(k);
                long at = r.at().toEpochMilli();
                int p = type.index(r.property());
                if (p < 0 || !slot.values.put(p, r.number(), r.text(), at)) {
                    continue;
                }
                latest = Math.max(latest, at);
                for (int q : cov.triggers[p]) {
                    if (cov.sampled[q]) {
                        evaluated++;
                        try {
                            sample(rs, sc, slot, q, p, r.number(), at);
                        } catch (RuntimeException e) {
                            fail(cov.rules[q], e);
                        }
                    } else {
                        sc.touch(q, cov.ordinals[q]);
                    }
                }
                companionMoved |= cov.companionOf.length > 0;
            }
            // Several readings may touch rules out of order; rules are judged in the order they cover the device.
            int touched = sc.touchedCount(to - from > 1);
            for (int i = 0; i < touched; i++) {
                int q = sc.touched(i);
                if (unmoved(cov, slot, q)) {
                    continue;
                }
                evaluated++;
                try {
                    reading(rs, sc, slot, q, latest);
                } catch (RuntimeException e) {
                    fail(cov.rules[q], e);
                }
            }
        }
        if (evaluated > 0) {
            sc.counted(evaluated);
        }
        if (companionMoved) {
            for (CompiledRule rule : slot.coverage.companionOf) {
                guarded(rs, rule, () -> sweep.companionMoved(rs, rule, slot));
            }
        }
    }

    /**
     * Whether judging rule {@code q} now could not change anything: the device's state for it is idle (no alarm
     * open, the condition did not hold last time, no duration running) and its guard does not admit the latest value
     * of the guarded property, so the condition cannot hold.
     */
    private static boolean unmoved(Coverage cov, DeviceSlot slot, int q) {
        int p = cov.guardProperty[q];
        if (p < 0) {
            return false;
        }
        SubjectState s = slot.states[q];
        return s != null && !s.active && !s.held && s.since < 0 && !cov.guards[q].admits(slot.values.number(p));
    }

    private void reading(Ruleset rs, Scratch sc, DeviceSlot slot, int q, long at) {
        Coverage cov = slot.coverage;
        CompiledRule rule = cov.rules[q];
        SubjectState s = slot.states[q];
        Facts f = sc.reused(cov.ordinals[q], rule);
        rule.fill(f, slot.values, slot.facts, at, cov.bindings[q]);
        switch (rule.kind) {
            case THRESHOLD -> {
                putValue(rule, f, slot, cov.propertyIndex[q]);
                // The rule from the coverage, not s.rule: the test need not wait for the state's cache miss.
                judge.level(s, rule.condition.test(f), f, at);
            }
            case DURATION -> {
                putValue(rule, f, slot, cov.propertyIndex[q]);
                judge.duration(s, f, at);
            }
            case COMPOSITE -> {
                boolean held = rule.condition.test(f) && sweep.companionHolds(rs, sc, rule, s, at);
                judge.level(s, held, f, at);
            }
            case GEOFENCE -> {
                TypeFacts t = slot.values.type();
                judge.geofence(
                        s, f, slot.values.number(t.index("latitude")), slot.values.number(t.index("longitude")), at);
            }
            case NO_DATA -> {
                s.lastSeen = at;
                if (s.active) {
                    clear(s, f, at);
                }
            }
            default -> {}
        }
    }

    /** A reading of property {@code p} as a sample of a window or rate rule (which watch their own property only). */
    private void sample(Ruleset rs, Scratch sc, DeviceSlot slot, int q, int p, double number, long at) {
        Coverage cov = slot.coverage;
        CompiledRule rule = cov.rules[q];
        Facts f = sc.reused(cov.ordinals[q], rule);
        rule.fill(f, slot.values, slot.facts, at, cov.bindings[q]);
        boolean own = cov.propertyIndex[q] == p;
        if (rule.kind == RuleKind.RATE_OF_CHANGE) {
            if (own && !Double.isNaN(number)) {
                judge.rate(slot.states[q], f, number, at);
            }
            return;
        }
        if (!own) {
            return;
        }
        boolean passes = rule.where == null || rule.where.test(f);
        if (!rule.byDivision) {
            judge.aggregate(slot.states[q], f, number, null, at, passes);
            return;
        }
        SubjectState group = rs.state(rule, slot.facts.division(), null);
        synchronized (group) {
            judge.aggregate(group, f, number, slot.facts.id(), at, passes);
        }
    }

    private static void putValue(CompiledRule rule, Facts f, DeviceSlot slot, int p) {
        int v = rule.valueSlot;
        if (v >= 0) {
            if (p >= 0 && !Double.isNaN(slot.values.number(p))) {
                f.number(v, slot.values.number(p));
            } else {
                f.unset(v);
            }
        }
    }

    /** iot's health watch says a device went OFFLINE or came back ONLINE. */
    public void health(String deviceId, String change, Instant at) {
        Ruleset rs = ruleset;
        DeviceSlot slot = slot(rs, deviceId);
        if (!slot.tracked() || !("OFFLINE".equals(change) || "ONLINE".equals(change))) {
            return;
        }
        Scratch sc = scratch(rs);
        synchronized (slot) {
            if (slot.version != rs.version) {
                slot.bind(rs);
            }
            for (int q = 0; q < slot.coverage.rules.length; q++) {
                CompiledRule rule = slot.coverage.rules[q];
                if (rule.kind != RuleKind.DEVICE_OFFLINE) {
                    continue;
                }
                SubjectState s = slot.states[q];
                guarded(rs, rule, () -> {
                    Facts f = sc.facts(rs, rule);
                    rule.fill(f, slot.values, slot.facts, at);
                    if ("OFFLINE".equals(change)) {
                        judge.occurrence(s, f, at.toEpochMilli());
                    } else if (s.active) {
                        clear(s, f, at.toEpochMilli());
                    }
                });
            }
        }
    }

    /** A device reported a discrete event. */
    public void event(String deviceId, String name, String dataJson, Instant at) {
        Ruleset rs = ruleset;
        DeviceSlot slot = slot(rs, deviceId);
        if (!slot.tracked()) {
            return;
        }
        Scratch sc = scratch(rs);
        synchronized (slot) {
            if (slot.version != rs.version) {
                slot.bind(rs);
            }
            for (int q = 0; q < slot.coverage.rules.length; q++) {
                CompiledRule rule = slot.coverage.rules[q];
                if (rule.kind != RuleKind.DEVICE_EVENT
                        || !rule.rule().draft().eventName().equals(name)) {
                    continue;
                }
                SubjectState s = slot.states[q];
                guarded(rs, rule, () -> {
                    Facts f = sc.facts(rs, rule);
                    rule.fill(f, slot.values, slot.facts, at);
                    f.text(rule.slot(RuleVocabulary.EVENT), name);
                    f.text(rule.slot(RuleVocabulary.EVENT_DATA), dataJson == null ? "" : dataJson);
                    judge.occurrence(s, f, at.toEpochMilli());
                });
            }
        }
    }

    /** Time passed: durations and dwells complete, windows slide, silences grow, scheduled checks run. */
    public void tick(Instant now) {
        sweep.tick(ruleset, now.toEpochMilli());
    }

    /** An alarm of the rule for the subject is open (at start, from the alarm store). */
    public void markOpen(RuleId rule, String subject) {
        Ruleset rs = ruleset;
        Integer i = rs.ordinals.get(rule);
        if (i == null) {
            return;
        }
        SubjectState s = rs.state(rs.rules.get(i), subject, null);
        synchronized (lockOf(s)) {
            s.active = true;
            s.held = true;
        }
    }

    /** An operator cleared or resolved the alarm: the next finding raises a new one. */
    public void markClosed(RuleId rule, String subject) {
        RuleStates states = ruleset.states.get(rule);
        SubjectState s = states == null ? null : states.bySubject.get(subject);
        if (s != null) {
            synchronized (lockOf(s)) {
                s.active = false;
                s.held = false;
            }
        }
    }

    Object lockOf(SubjectState s) {
        if (s.rule.byDivision) {
            return s;
        }
        DeviceSlot slot = devices.get(s.subject);
        return slot == null ? s : slot;
    }

    /**
     * States changed since the last call, for the state store, each once; the caller marks them clean under their
     * owner's monitor. States of rules no longer loaded (or loaded at another version) are left out.
     */
    public List<SubjectState> takeDirty() {
        Ruleset rs = ruleset;
        List<SubjectState> dirty = new ArrayList<>();
        for (SubjectState s; (s = rs.changed.poll()) != null; ) {
            if (rs.current(s)) {
                dirty.add(s);
            } else {
                synchronized (lockOf(s)) {
                    s.dirty = false;
                }
            }
        }
        return dirty;
    }

    /**
     * Puts back a state kept across a restart. A device's state gets its device's facts here, not only at the next
     * reading: the clock alone may complete it (a running duration, a dwell), and its alarm must still name the
     * device, its division and position.
     */
    public void restore(RuleId rule, String subject, StateSnapshot snapshot) {
        Ruleset rs = ruleset;
        Integer i = rs.ordinals.get(rule);
        if (i == null) {
            return;
        }
        CompiledRule r = rs.rules.get(i);
        DeviceSlot slot = r.byDivision ? null : slot(rs, subject);
        SubjectState s = rs.state(r, subject, null);
        synchronized (lockOf(s)) {
            if (s.device == null && slot != null && slot.tracked()) {
                s.device = slot.facts;
            }
            snapshot.applyTo(s);
        }
    }

    DeviceSlot slot(Ruleset rs, String id) {
        long now = clock.millis();
        DeviceSlot slot = devices.get(id);
        if (slot != null && now - slot.loadedAt < DEVICE_REFRESH_MS) {
            return slot;
        }
        Optional<DeviceFacts> facts = catalog.device(id);
        DeviceSlot fresh;
        if (facts.isEmpty() || !rs.tracks(facts.get().typeCode())) {
            fresh = new DeviceSlot(null, null);
        } else if (slot != null
                && slot.tracked()
                && slot.facts.typeCode().equals(facts.get().typeCode())) {
            fresh = new DeviceSlot(facts.get(), slot.values);
        } else {
            fresh = catalog.type(facts.get().typeCode())
                    .map(t -> new DeviceSlot(facts.get(), new DeviceValues(t)))
                    .orElse(new DeviceSlot(null, null));
        }
        // Spread the refreshes: devices first seen together (a start, an import) must not all expire together and
        // send a burst of registry look-ups through the ingest writers.
        fresh.loadedAt = now - java.util.concurrent.ThreadLocalRandom.current().nextLong(DEVICE_REFRESH_MS / 2);
        devices.put(id, fresh);
        return fresh;
    }

    /** Forgets cached device facts (a device moved, changed type, or a rule now tracks its type). */
    public void forgetDevices() {
        devices.clear();
    }

    private Scratch scratch(Ruleset rs) {
        Scratch s = scratch.get();
        if (s == null || !s.current(rs)) {
            AtomicLong count;
            if (s == null) {
                count = new AtomicLong();
                evaluations.add(count);
            } else {
                count = s.evaluations;
            }
            s = new Scratch(rs, count);
            scratch.set(s);
        }
        return s;
    }

    Scratch scratchFor(Ruleset rs) {
        return scratch(rs);
    }

    void guarded(Ruleset rs, CompiledRule rule, Runnable evaluation) {
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            fail(rule, e);
        }
    }

    synchronized void fail(CompiledRule rule, RuntimeException e) {
        Ruleset current = ruleset;
        if (!current.ordinals.containsKey(rule.rule().id())) {
            return;
        }
        List<CompiledRule> rest = new ArrayList<>(current.rules);
        rest.removeIf(r -> r.rule().id().equals(rule.rule().id()));
        ruleset = new Ruleset(versions.incrementAndGet(), rest, current.states, current.changed);
        sink.ruleFailed(rule.rule().id(), String.valueOf(e.getMessage()));
    }

    @Override
    public void raise(SubjectState s, Facts f, long at) {
        s.active = true;
        s.held = true;
        sink.accept(finding(Finding.Change.RAISE, s, f, at));
    }

    @Override
    public void repeat(SubjectState s, Facts f, long at) {
        sink.accept(finding(Finding.Change.REPEAT, s, f, at));
    }

    @Override
    public void clear(SubjectState s, Facts f, long at) {
        s.active = false;
        sink.accept(finding(Finding.Change.CLEAR, s, f, at));
    }

    private Finding finding(Finding.Change change, SubjectState s, Facts f, long at) {
        DeviceFacts d = s.device;
        Map<String, Object> values = new HashMap<>();
        for (String name : s.rule.used) {
            int slot = s.rule.vocabulary.slot(name);
            switch (s.rule.vocabulary.type(name)) {
                case NUMBER -> {
                    double v = f.number(slot);
                    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                        values.put(name, v);
                    }
                }
                case BOOL -> {
                    double v = f.number(slot);
                    if (!Double.isNaN(v)) {
                        values.put(name, v != 0);
                    }
                }
                case TEXT -> {
                    String t = f.text(slot);
                    if (t != null) {
                        values.put(name, t);
                    }
                }
                default -> {}
            }
        }
        return new Finding(
                change,
                s.rule.rule().id(),
                s.rule.rule().version(),
                s.subject,
                d == null ? null : d.id(),
                d == null ? null : d.typeCode(),
                d == null ? s.subject : d.division(),
                d == null ? null : d.location(),
                values,
                Instant.ofEpochMilli(at));
    }
}
