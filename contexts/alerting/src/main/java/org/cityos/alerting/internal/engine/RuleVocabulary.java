package org.cityos.alerting.internal.engine;

import java.util.Collection;
import java.util.Map;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.internal.expr.VarType;
import org.cityos.alerting.internal.expr.Vocabulary;

/**
 * The names a rule's condition may use: the scoped types' properties, the device's place and the time of day, and
 * the variables of the rule's kind (see docs/alerting.md).
 */
final class RuleVocabulary {
    static final String VALUE = "value";
    static final String RATE = "rate";
    static final String DELTA = "delta";
    static final String AGE = "age";
    static final String INSIDE = "inside";
    static final String DWELL = "dwellMinutes";
    static final String DISTANCE = "distance";
    static final String EVENT = "event";
    static final String EVENT_DATA = "eventData";
    static final String HOUR = "hour";
    static final String WEEKDAY = "weekday";
    static final String DIVISION = "division";
    static final String DEVICE_TYPE = "deviceType";
    static final String TAGS = "tags";
    static final String[] AGGREGATES = {"avg", "min", "max", "sum", "count", "pct"};

    private RuleVocabulary() {}

    /**
     * The properties several scoped types report under one name with different data types (a rule cannot use
     * such a name consistently, so it is refused).
     */
    static java.util.List<String> conflicts(Collection<TypeFacts> types) {
        Map<String, VarType> seen = new java.util.HashMap<>();
        java.util.List<String> conflicts = new java.util.ArrayList<>();
        for (TypeFacts t : types) {
            for (Map.Entry<String, VarType> p : t.properties().entrySet()) {
                VarType before = seen.putIfAbsent(p.getKey(), p.getValue());
                if (before != null && before != p.getValue() && !conflicts.contains(p.getKey())) {
                    conflicts.add(p.getKey());
                }
            }
        }
        return conflicts;
    }

    static Vocabulary of(RuleKind kind, Collection<TypeFacts> types, boolean hasProperty) {
        Vocabulary.Builder b = Vocabulary.builder();
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (TypeFacts t : types) {
            for (Map.Entry<String, VarType> p : t.properties().entrySet()) {
                // Types share names (battery, pm25): one variable serves them all.
                if (declared.add(p.getKey())) {
                    declare(b, p.getKey(), p.getValue());
                }
            }
        }
        b.number(HOUR).number(WEEKDAY).text(DIVISION).text(DEVICE_TYPE).textList(TAGS);
        switch (kind) {
            case THRESHOLD, DURATION -> {
                if (hasProperty) {
                    b.number(VALUE);
                }
            }
            case RATE_OF_CHANGE -> b.number(VALUE).number(RATE).number(DELTA);
            case AGGREGATE -> {
                for (String a : AGGREGATES) {
                    b.number(a);
                }
            }
            case GEOFENCE -> b.bool(INSIDE).number(DWELL);
            case SCHEDULED, NO_DATA -> b.number(AGE);
            case DEVICE_EVENT -> b.text(EVENT).text(EVENT_DATA);
            default -> {}
        }
        return b.build();
    }

    /** The companion's own vocabulary: its type's properties, the rate of its property and its distance. */
    static Vocabulary companion(TypeFacts type) {
        Vocabulary.Builder b = Vocabulary.builder();
        for (Map.Entry<String, VarType> p : type.properties().entrySet()) {
            declare(b, p.getKey(), p.getValue());
        }
        return b.number(RATE).number(DELTA).number(DISTANCE).build();
    }

    private static void declare(Vocabulary.Builder b, String name, VarType type) {
        switch (type) {
            case NUMBER -> b.number(name);
            case BOOL -> b.bool(name);
            case TEXT -> b.text(name);
            case TEXT_LIST -> b.textList(name);
        }
    }
}
