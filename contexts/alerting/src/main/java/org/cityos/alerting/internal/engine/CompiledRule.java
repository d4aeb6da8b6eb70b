package org.cityos.alerting.internal.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Geofence;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.RuleScope;
import org.cityos.alerting.internal.expr.Condition;
import org.cityos.alerting.internal.expr.Facts;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.alerting.internal.expr.Vocabulary;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * A rule ready to run: its conditions compiled, its window in milliseconds, which properties make it look, and for
 * each scoped type where the device's values go in the condition's facts.
 */
public final class CompiledRule {
    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    final Rule rule;
    final RuleKind kind;
    final Condition condition;
    final Condition clear;
    final Condition where;
    final Condition companion;
    final Vocabulary vocabulary;
    final Vocabulary companionVocabulary;
    final long windowMillis;
    final PreparedGeometry fence;
    final String fenceTrigger;
    final String property;
    final Set<String> triggers;
    final boolean byDivision;
    final int percentile;
    private final Map<String, int[]> bindings = new HashMap<>();
    private final Set<String> types;
    /** The variables the rule reads or shows; only these are filled per evaluation and reported. */
    final List<String> used;

    /** Slots of the kind's variables, looked up once here rather than by name per evaluation (-1: undeclared). */
    final int valueSlot;

    final int rateSlot;
    final int deltaSlot;
    final int countSlot;
    final int sumSlot;
    final int avgSlot;
    final int minSlot;
    final int maxSlot;
    final int pctSlot;

    final boolean usesMin;
    final boolean usesMax;
    final boolean usesPct;
    private final List<String> divisionPrefixes;
    private final int hour;
    private final int weekday;
    private final int division;
    private final int deviceType;
    private final int tags;

    CompiledRule(
            Rule rule,
            Vocabulary vocabulary,
            Condition condition,
            Condition clear,
            Condition where,
            Condition companion,
            Vocabulary companionVocabulary,
            PreparedGeometry fence,
            List<TypeFacts> scopedTypes,
            Set<String> triggers) {
        this.rule = rule;
        this.kind = rule.kind();
        this.vocabulary = vocabulary;
        this.condition = condition;
        this.clear = clear;
        this.where = where;
        this.companion = companion;
        this.companionVocabulary = companionVocabulary;
        this.windowMillis =
                rule.draft().window() == null ? 0 : rule.draft().window().toMillis();
        this.fence = fence;
        Geofence g = rule.draft().geofence();
        this.fenceTrigger = g == null ? null : g.trigger();
        this.property = rule.draft().property();
        this.triggers = Set.copyOf(triggers);
        Aggregation a = rule.draft().aggregation();
        this.byDivision = a != null && Aggregation.DIVISION.equals(a.groupBy());
        this.percentile = a == null || a.percentile() == null ? 95 : a.percentile();
        this.divisionPrefixes = rule.draft().scope().divisions().stream()
                .map(c -> org.cityos.kernel.DivisionCode.of(c).prefix())
                .toList();
        this.types = new HashSet<>();
        Set<String> used = used(rule, condition, clear, where);
        this.used = List.copyOf(used);
        this.valueSlot = vocabulary.slot(RuleVocabulary.VALUE);
        this.rateSlot = vocabulary.slot(RuleVocabulary.RATE);
        this.deltaSlot = vocabulary.slot(RuleVocabulary.DELTA);
        this.countSlot = vocabulary.slot("count");
        this.sumSlot = vocabulary.slot("sum");
        this.avgSlot = vocabulary.slot("avg");
        this.minSlot = vocabulary.slot("min");
        this.maxSlot = vocabulary.slot("max");
        this.pctSlot = vocabulary.slot("pct");
        this.usesMin = used.contains("min");
        this.usesMax = used.contains("max");
        this.usesPct = used.contains("pct");
        for (TypeFacts t : scopedTypes) {
            types.add(t.code());
            int[] b = new int[t.size()];
            for (int i = 0; i < t.size(); i++) {
                b[i] = used.contains(t.name(i)) ? vocabulary.slot(t.name(i)) : -1;
            }
            bindings.put(t.code(), b);
        }
        this.hour = used.contains(RuleVocabulary.HOUR) ? vocabulary.slot(RuleVocabulary.HOUR) : -1;
        this.weekday = used.contains(RuleVocabulary.WEEKDAY) ? vocabulary.slot(RuleVocabulary.WEEKDAY) : -1;
        this.division = used.contains(RuleVocabulary.DIVISION) ? vocabulary.slot(RuleVocabulary.DIVISION) : -1;
        this.deviceType = used.contains(RuleVocabulary.DEVICE_TYPE) ? vocabulary.slot(RuleVocabulary.DEVICE_TYPE) : -1;
        this.tags = used.contains(RuleVocabulary.TAGS) ? vocabulary.slot(RuleVocabulary.TAGS) : -1;
    }

    /**
     * The names the rule actually uses: its conditions' variables, its property and its title's placeholders.
     * Only those are copied into the facts per evaluation (and reported in an alarm's detail).
     */
    private static Set<String> used(Rule rule, Condition... conditions) {
        Set<String> used = new HashSet<>();
        for (Condition c : conditions) {
            if (c != null) {
                used.addAll(c.reads());
            }
        }
        if (rule.draft().property() != null) {
            used.add(rule.draft().property());
        }
        String title = rule.draft().title();
        if (title != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}")
                    .matcher(title);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
    }

    public Rule rule() {
        return rule;
    }

    Set<String> types() {
        return types;
    }

    /** Whether the device is in the rule's scope. */
    boolean covers(DeviceFacts d) {
        RuleScope s = rule.draft().scope();
        if (!s.devices().isEmpty() && !s.devices().contains(d.id())) {
            return false;
        }
        if (!s.deviceTypes().isEmpty() && !s.deviceTypes().contains(d.typeCode())) {
            return false;
        }
        if (!divisionPrefixes.isEmpty()
                && (d.division() == null || divisionPrefixes.stream().noneMatch(d.division()::startsWith))) {
            return false;
        }
        if (!s.departments().isEmpty() && !s.departments().contains(d.department())) {
            return false;
        }
        return s.tags().isEmpty() || s.tags().stream().anyMatch(d.tags()::contains);
    }

    /** Puts the device's values, place and the local time into the facts (which the caller has cleared). */
    void fill(Facts facts, DeviceValues values, DeviceFacts device, Instant at) {
        fill(facts, values, device, at.toEpochMilli());
    }

    void fill(Facts facts, DeviceValues values, DeviceFacts device, long at) {
        fill(facts, values, device, at, bindings.get(device.typeCode()));
    }

    /** Where each property of the type goes in this rule's facts (-1: the rule does not use it), or null. */
    int[] binding(String typeCode) {
        return bindings.get(typeCode);
    }

    /**
     * Writes every property slot the rule uses — missing values as missing — so facts need no clearing between
     * devices; variables of the kind are the judge's to write.
     */
    void fill(Facts facts, DeviceValues values, DeviceFacts device, long at, int[] b) {
        if (b != null) {
            for (int i = 0; i < b.length; i++) {
                int slot = b[i];
                if (slot < 0) {
                    continue;
                }
                VarType t = values.type().type(i);
                if (t == VarType.TEXT) {
                    String s = values.text(i);
                    if (s != null) {
                        facts.text(slot, s);
                    } else {
                        facts.unset(slot);
                    }
                } else {
                    double v = values.number(i);
                    if (Double.isNaN(v)) {
                        facts.unset(slot);
                    } else if (t == VarType.BOOL) {
                        facts.bool(slot, v != 0);
                    } else {
                        facts.number(slot, v);
                    }
                }
            }
        }
        if (hour >= 0 || weekday >= 0) {
            ZonedDateTime local = Instant.ofEpochMilli(at).atZone(LOCAL);
            if (hour >= 0) {
                facts.number(hour, local.getHour());
            }
            if (weekday >= 0) {
                facts.number(weekday, local.getDayOfWeek().getValue());
            }
        }
        if (division >= 0) {
            if (device.division() != null) {
                facts.text(division, device.division());
            } else {
                facts.unset(division);
            }
        }
        if (deviceType >= 0) {
            facts.text(deviceType, device.typeCode());
        }
        if (tags >= 0) {
            facts.texts(tags, device.tags());
        }
    }

    int slot(String name) {
        return vocabulary.slot(name);
    }
}
