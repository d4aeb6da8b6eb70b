package org.cityos.alerting.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.cityos.alerting.Aggregation;
import org.cityos.alerting.Companion;
import org.cityos.alerting.Geofence;
import org.cityos.alerting.Rule;
import org.cityos.alerting.RuleDraft;
import org.cityos.alerting.RuleKind;
import org.cityos.alerting.internal.expr.Condition;
import org.cityos.alerting.internal.expr.ConditionCompiler;
import org.cityos.alerting.internal.expr.ConditionRejected;
import org.cityos.alerting.internal.expr.Vocabulary;
import org.cityos.kernel.DivisionCode;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * Checks a draft rule and compiles it: every field that is wrong becomes an issue (conditions with line and
 * column), so that a bad rule is refused at save with all its faults at once.
 */
public final class RuleCompiler {
    static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final ConditionCompiler conditions;
    private final DeviceCatalog catalog;

    public RuleCompiler(ConditionCompiler conditions, DeviceCatalog catalog) {
        this.conditions = conditions;
        this.catalog = catalog;
    }

    /** The issues of the draft; empty when it can be saved. */
    public List<RuleIssue> check(RuleDraft draft) {
        List<RuleIssue> issues = new ArrayList<>();
        try {
            build(draft, null, issues);
        } catch (RuntimeException e) {
            // A draft this checker did not foresee is still the author's fault to fix, never a server error.
            org.slf4j.LoggerFactory.getLogger(RuleCompiler.class).warn("rule check failed unexpectedly", e);
            issues.add(RuleIssue.of("rule", "alerting.rule.unreadable", String.valueOf(e.getMessage())));
        }
        return issues;
    }

    /** Compiles a saved rule (which was checked at save); throws when the world changed under it. */
    public CompiledRule compile(Rule rule) {
        List<RuleIssue> issues = new ArrayList<>();
        CompiledRule c = build(rule.draft(), rule, issues);
        if (c == null) {
            throw new IllegalStateException(
                    issues.isEmpty() ? "rule cannot run" : issues.get(0).reason());
        }
        return c;
    }

    private CompiledRule build(RuleDraft d, Rule rule, List<RuleIssue> issues) {
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            issues.add(RuleIssue.of("name", "alerting.rule.name", "a name of 1 to 200 characters is required"));
        }
        if (d.kind() == null) {
            issues.add(RuleIssue.of("kind", "alerting.rule.kind", "the rule's kind is required"));
            return null;
        }
        if (d.severity() == null) {
            issues.add(RuleIssue.of("severity", "alerting.rule.severity", "RED, ORANGE, YELLOW or BLUE is required"));
        }
        List<TypeFacts> types = scopedTypes(d, issues);
        checkWindow(d, issues);
        checkDivisions(d, issues);
        if (d.ackWithin() != null
                && (d.ackWithin().isNegative() || d.ackWithin().compareTo(MAX_WINDOW) > 0)) {
            issues.add(RuleIssue.of("ackWithin", "alerting.rule.ack-within", "between 0 and 31 days"));
        }
        if (types.isEmpty()) {
            return null;
        }
        for (String name : RuleVocabulary.conflicts(types)) {
            issues.add(RuleIssue.of(
                    "scope.deviceTypes",
                    "alerting.rule.type-conflict",
                    "the scoped types report '" + name + "' as different kinds of value",
                    name));
        }
        String property = d.property();
        if (property != null && types.stream().noneMatch(t -> t.index(property) >= 0)) {
            issues.add(RuleIssue.of(
                    "property",
                    "alerting.rule.unknown-property",
                    "no scoped device type reports '" + property + "'",
                    property));
        }
        if (property == null && needsProperty(d.kind())) {
            issues.add(RuleIssue.of("property", "alerting.rule.property", "this kind of rule watches one property"));
        }
        Vocabulary vocabulary = RuleVocabulary.of(d.kind(), types, property != null);
        Condition condition = condition("condition", d.condition(), vocabulary, requiresCondition(d.kind()), issues);
        Condition clear = condition("clearCondition", d.clearCondition(), vocabulary, false, issues);
        Condition where = null;
        Aggregation a = d.aggregation();
        if (d.kind() == RuleKind.AGGREGATE) {
            if (a != null) {
                where = condition("aggregation.where", a.where(), vocabulary, false, issues);
                if (!a.groupBy().equals(Aggregation.DEVICE) && !a.groupBy().equals(Aggregation.DIVISION)) {
                    issues.add(RuleIssue.of("aggregation.groupBy", "alerting.rule.group-by", "DEVICE or DIVISION"));
                }
                if (a.percentile() != null && (a.percentile() < 1 || a.percentile() > 99)) {
                    issues.add(RuleIssue.of("aggregation.percentile", "alerting.rule.percentile", "1 to 99"));
                }
            }
        }
        Condition companion = null;
        Vocabulary companionVocabulary = null;
        if (d.kind() == RuleKind.COMPOSITE) {
            Companion c = d.companion();
            TypeFacts ct = c == null || c.deviceType() == null
                    ? null
                    : catalog.type(c.deviceType()).orElse(null);
            if (ct == null) {
                issues.add(RuleIssue.of("companion.deviceType", "alerting.rule.companion", "a known device type"));
            } else {
                if (!(c.radiusMetres() > 0 && c.radiusMetres() <= 50_000)) {
                    issues.add(RuleIssue.of("companion.radiusMetres", "alerting.rule.radius", "1 m to 50 km"));
                }
                if (c.property() != null && ct.index(c.property()) < 0) {
                    issues.add(RuleIssue.of(
                            "companion.property",
                            "alerting.rule.unknown-property",
                            "'" + c.deviceType() + "' does not report '" + c.property() + "'",
                            c.property()));
                }
                companionVocabulary = RuleVocabulary.companion(ct);
                companion = condition("companion.condition", c.condition(), companionVocabulary, true, issues);
            }
        }
        PreparedGeometry fence = null;
        if (d.kind() == RuleKind.GEOFENCE) {
            fence = GeofenceArea.parse(d.geofence(), issues);
            Geofence g = d.geofence();
            if (g != null
                    && !Set.of(Geofence.ENTER, Geofence.EXIT, Geofence.DWELL).contains(g.trigger())) {
                issues.add(RuleIssue.of("geofence.trigger", "alerting.rule.trigger", "ENTER, EXIT or DWELL"));
            }
            if (types.stream().anyMatch(t -> t.index("latitude") < 0 || t.index("longitude") < 0)) {
                issues.add(RuleIssue.of(
                        "scope.deviceTypes", "alerting.rule.no-position", "every type must report latitude/longitude"));
            }
        }
        if (d.kind() == RuleKind.DEVICE_EVENT
                && (d.eventName() == null || d.eventName().isBlank())) {
            issues.add(RuleIssue.of("eventName", "alerting.rule.event-name", "the event's name is required"));
        }
        if (!issues.isEmpty()) {
            return null;
        }
        Rule r = rule != null ? rule : new Rule(null, d, true, null, null, 0, null, null, null);
        return new CompiledRule(
                r,
                vocabulary,
                condition,
                clear,
                where,
                companion,
                companionVocabulary,
                fence,
                types,
                triggers(d, types, condition, clear, where));
    }

    private static Set<String> triggers(
            RuleDraft d, List<TypeFacts> types, Condition condition, Condition clear, Condition where) {
        Set<String> t = new HashSet<>();
        switch (d.kind()) {
            case GEOFENCE -> {
                t.add("latitude");
                t.add("longitude");
            }
            case THRESHOLD, DURATION, COMPOSITE -> {
                if (d.property() != null) {
                    t.add(d.property());
                }
                for (Condition c : new Condition[] {condition, clear}) {
                    if (c != null) {
                        c.reads().stream()
                                .filter(n -> types.stream().anyMatch(ty -> ty.index(n) >= 0))
                                .forEach(t::add);
                    }
                }
            }
            case RATE_OF_CHANGE, AGGREGATE, NO_DATA -> {
                if (d.property() != null) {
                    t.add(d.property());
                }
                if (where != null) {
                    where.reads().stream()
                            .filter(n -> types.stream().anyMatch(ty -> ty.index(n) >= 0))
                            .forEach(t::add);
                }
            }
            default -> {}
        }
        return t;
    }

    private List<TypeFacts> scopedTypes(RuleDraft d, List<RuleIssue> issues) {
        List<TypeFacts> types = new ArrayList<>();
        if (d.scope() == null
                || (d.scope().deviceTypes().isEmpty() && d.scope().devices().isEmpty())) {
            issues.add(RuleIssue.of("scope", "alerting.rule.scope", "name device types or devices"));
            return types;
        }
        LinkedHashMap<String, TypeFacts> found = new LinkedHashMap<>();
        for (String code : d.scope().deviceTypes()) {
            catalog.type(code)
                    .ifPresentOrElse(
                            t -> found.put(code, t),
                            () -> issues.add(RuleIssue.of(
                                    "scope.deviceTypes",
                                    "alerting.rule.unknown-type",
                                    "unknown device type '" + code + "'",
                                    code)));
        }
        for (String id : d.scope().devices()) {
            DeviceFacts device = catalog.device(id).orElse(null);
            if (device == null) {
                issues.add(RuleIssue.of(
                        "scope.devices", "alerting.rule.unknown-device", "unknown device '" + id + "'", id));
            } else if (d.scope().deviceTypes().isEmpty()) {
                catalog.type(device.typeCode()).ifPresent(t -> found.put(t.code(), t));
            }
        }
        types.addAll(found.values());
        return types;
    }

    private static void checkWindow(RuleDraft d, List<RuleIssue> issues) {
        boolean needs = switch (d.kind()) {
            case DURATION, NO_DATA, AGGREGATE, SCHEDULED -> true;
            case GEOFENCE ->
                d.geofence() != null && Geofence.DWELL.equals(d.geofence().trigger());
            default -> false;
        };
        Duration w = d.window();
        if (w == null) {
            if (needs) {
                issues.add(RuleIssue.of("window", "alerting.rule.window", "this kind of rule needs a window"));
            }
            return;
        }
        if (w.compareTo(MIN_WINDOW) < 0 || w.compareTo(MAX_WINDOW) > 0) {
            issues.add(RuleIssue.of("window", "alerting.rule.window-range", "a window between 10 s and 31 days"));
        }
    }

    private static void checkDivisions(RuleDraft d, List<RuleIssue> issues) {
        if (d.scope() == null) {
            return;
        }
        for (String code : d.scope().divisions()) {
            if (!DivisionCode.isValid(code)) {
                issues.add(RuleIssue.of(
                        "scope.divisions", "alerting.rule.division", "not a division code: " + code, code));
            }
        }
    }

    private Condition condition(
            String field, String source, Vocabulary vocabulary, boolean required, List<RuleIssue> issues) {
        if (source == null || source.isBlank()) {
            if (required) {
                issues.add(RuleIssue.of(field, "alerting.rule.condition-required", "a condition is required"));
            }
            return null;
        }
        try {
            return conditions.compile(source, vocabulary);
        } catch (ConditionRejected e) {
            issues.add(new RuleIssue(field, "alerting.rule.condition-at", e.line(), e.column(), e.reason(), null));
            return null;
        }
    }

    private static boolean needsProperty(RuleKind kind) {
        return kind == RuleKind.RATE_OF_CHANGE || kind == RuleKind.AGGREGATE;
    }

    private static boolean requiresCondition(RuleKind kind) {
        return switch (kind) {
            case THRESHOLD, DURATION, RATE_OF_CHANGE, AGGREGATE, COMPOSITE, SCHEDULED -> true;
            default -> false;
        };
    }
}
