package org.cityos.alerting.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One device as the engine holds it: its facts, its latest values, and — for the current ruleset — the rules that
 * cover it with their states, and for each property of its type which of those rules it triggers. All of a device's
 * evaluation happens under this object's monitor.
 */
final class DeviceSlot {
    static final DeviceSlot UNTRACKED = new DeviceSlot(null, null);

    final DeviceFacts facts;
    final DeviceValues values;
    long version = -1;
    CompiledRule[] rules = new CompiledRule[0];
    SubjectState[] states = new SubjectState[0];
    /** Each bound rule's ordinal in the ruleset it was bound to (for the thread's scratch facts). */
    int[] ordinals = new int[0];
    /** Each bound rule's binding of this device's type (property index → facts slot). */
    int[][] bindings = new int[0][];
    /** Marks of the rules a message touched, by generation, so nothing needs clearing per message. */
    int[] touched = new int[0];

    int generation;
    /** For each property index of the type, the positions in {@link #rules} it triggers. */
    int[][] triggers = new int[0][];
    /** Composite rules for which this device is a companion. */
    CompiledRule[] companionOf = new CompiledRule[0];

    long loadedAt;

    DeviceSlot(DeviceFacts facts, DeviceValues values) {
        this.facts = facts;
        this.values = values;
    }

    boolean tracked() {
        return facts != null;
    }

    /** Binds the device to the ruleset's rules that cover it. */
    void bind(Ruleset ruleset) {
        List<CompiledRule> mine = new ArrayList<>();
        List<SubjectState> mineStates = new ArrayList<>();
        for (CompiledRule r : ruleset.byType.getOrDefault(facts.typeCode(), List.of())) {
            if (r.covers(facts) && !r.byDivision) {
                mine.add(r);
                SubjectState state = ruleset.state(r, facts.id(), facts);
                state.device = facts;
                mineStates.add(state);
            } else if (r.covers(facts)) {
                mine.add(r);
                mineStates.add(null);
            }
        }
        rules = mine.toArray(CompiledRule[]::new);
        ordinals = new int[rules.length];
        bindings = new int[rules.length][];
        touched = new int[rules.length];
        for (int k = 0; k < rules.length; k++) {
            ordinals[k] = ruleset.ordinal(rules[k]);
            bindings[k] = rules[k].binding(facts.typeCode());
        }
        states = mineStates.toArray(SubjectState[]::new);
        TypeFacts type = values.type();
        triggers = new int[type.size()][];
        for (int p = 0; p < type.size(); p++) {
            List<Integer> hits = new ArrayList<>();
            for (int k = 0; k < rules.length; k++) {
                CompiledRule r = rules[k];
                boolean anyProperty = r.kind == org.cityos.alerting.RuleKind.NO_DATA && r.property == null;
                if (anyProperty || r.triggers.contains(type.name(p))) {
                    hits.add(k);
                }
            }
            triggers[p] = hits.stream().mapToInt(Integer::intValue).toArray();
        }
        companionOf = ruleset.byCompanionType
                .getOrDefault(facts.typeCode(), List.of())
                .toArray(CompiledRule[]::new);
        version = ruleset.version;
    }
}
