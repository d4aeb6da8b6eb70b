package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.cityos.alerting.RuleId;
import org.cityos.alerting.RuleKind;

/**
 * The enabled rules, immutable once built, indexed so that a reading touches only the rules of its device's type
 * (and the composite rules that use that type as companion). Each rule has an ordinal for per-thread scratch.
 */
final class Ruleset {
    final long version;
    final List<CompiledRule> rules;
    final Map<String, List<CompiledRule>> byType = new HashMap<>();
    final Map<String, List<CompiledRule>> byCompanionType = new HashMap<>();
    final Map<RuleId, Integer> ordinals = new HashMap<>();
    final Map<RuleId, RuleStates> states;
    /** Every rule's changed states, the engine's one queue (it outlives rulesets). */
    final Queue<SubjectState> changed;
    /** Coverages built so far, shared by the devices they fit; filled as devices bind. */
    private final Map<CoverageKey, Coverage> coverages = new ConcurrentHashMap<>();

    /** A type (by identity: a changed type is another) and the ordinals of the rules covering a device of it. */
    private record CoverageKey(TypeFacts type, List<Integer> ordinals) {}

    Ruleset(long version, List<CompiledRule> rules, Map<RuleId, RuleStates> previous, Queue<SubjectState> changed) {
        this.version = version;
        this.changed = changed;
        this.rules = List.copyOf(rules);
        this.states = new ConcurrentHashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            CompiledRule r = this.rules.get(i);
            ordinals.put(r.rule().id(), i);
            for (String t : r.types()) {
                byType.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
            if (r.kind == RuleKind.COMPOSITE) {
                byCompanionType
                        .computeIfAbsent(r.rule().draft().companion().deviceType(), k -> new ArrayList<>())
                        .add(r);
            }
            RuleStates kept = previous.get(r.rule().id());
            boolean same = kept != null
                    && !kept.bySubject.isEmpty()
                    && kept.bySubject.values().iterator().next().rule.rule().version()
                            == r.rule().version();
            // Same rule, same version: keep the very state objects (and their sets), so a concurrent evaluation
            // loses nothing.
            states.put(r.rule().id(), same ? kept : new RuleStates(changed));
        }
    }

    static Ruleset empty() {
        return new Ruleset(0, List.of(), Map.of(), new ConcurrentLinkedQueue<>());
    }

    boolean tracks(String typeCode) {
        return byType.containsKey(typeCode) || byCompanionType.containsKey(typeCode);
    }

    int ordinal(CompiledRule r) {
        return ordinals.get(r.rule().id());
    }

    /** The shared coverage of a device of the type covered by exactly these rules, in this order. */
    Coverage coverage(TypeFacts type, List<CompiledRule> covering) {
        int[] ords = new int[covering.size()];
        for (int k = 0; k < ords.length; k++) {
            ords[k] = ordinal(covering.get(k));
        }
        CoverageKey key =
                new CoverageKey(type, java.util.Arrays.stream(ords).boxed().toList());
        return coverages.computeIfAbsent(
                key, k -> new Coverage(type, covering, ords, byCompanionType.getOrDefault(type.code(), List.of())));
    }

    SubjectState state(CompiledRule r, String subject, DeviceFacts device) {
        RuleStates home = states.get(r.rule().id());
        return home.bySubject.computeIfAbsent(subject, s -> new SubjectState(r, s, device, home));
    }

    Map<String, SubjectState> states(CompiledRule r) {
        return states.get(r.rule().id()).bySubject;
    }

    /** The rule's states whose time is running (see {@link SubjectState#timeFrom}). */
    Iterable<SubjectState> timing(CompiledRule r) {
        return states.get(r.rule().id()).timing;
    }

    /** Whether the state is the one this ruleset keeps for its rule and subject (not one of a rule since changed). */
    boolean current(SubjectState s) {
        RuleStates home = states.get(s.rule.rule().id());
        return home != null && home.bySubject.get(s.subject) == s;
    }
}
