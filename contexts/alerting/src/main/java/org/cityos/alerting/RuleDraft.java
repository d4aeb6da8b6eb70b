package org.cityos.alerting;

import java.time.Duration;

/**
 * A rule as its author writes it. Conditions are CEL expressions over the scoped device types' properties
 * (names as the type declares them) plus the kind's own variables; see docs/alerting.md.
 *
 * @param property the property the rule watches (THRESHOLD may leave it null: any property of the condition)
 * @param condition raise while this holds
 * @param clearCondition clear only when this holds (hysteresis); null = clear when {@code condition} stops holding
 * @param window DURATION's "for", AGGREGATE's window, NO_DATA's silence, GEOFENCE's dwell, SCHEDULED's period
 * @param ackWithin escalate when not acknowledged within this; null = the severity's default
 * @param title the alarm's title; {@code {name}} placeholders take the device's values, e.g. {@code 积水 {currentLevel} m}
 */
public record RuleDraft(
        String name,
        String description,
        RuleKind kind,
        Severity severity,
        RuleScope scope,
        String property,
        String condition,
        String clearCondition,
        Duration window,
        Aggregation aggregation,
        Geofence geofence,
        Companion companion,
        String eventName,
        Duration ackWithin,
        String title) {

    /** A THRESHOLD rule on the given types, for tests and templates. */
    public static RuleDraft threshold(String name, Severity severity, RuleScope scope, String condition) {
        return new RuleDraft(
                name,
                null,
                RuleKind.THRESHOLD,
                severity,
                scope,
                null,
                condition,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public RuleDraft withKind(RuleKind k, Duration w) {
        return new RuleDraft(
                name,
                description,
                k,
                severity,
                scope,
                property,
                condition,
                clearCondition,
                w,
                aggregation,
                geofence,
                companion,
                eventName,
                ackWithin,
                title);
    }

    public RuleDraft withProperty(String p) {
        return new RuleDraft(
                name,
                description,
                kind,
                severity,
                scope,
                p,
                condition,
                clearCondition,
                window,
                aggregation,
                geofence,
                companion,
                eventName,
                ackWithin,
                title);
    }

    public RuleDraft withClear(String c) {
        return new RuleDraft(
                name,
                description,
                kind,
                severity,
                scope,
                property,
                condition,
                c,
                window,
                aggregation,
                geofence,
                companion,
                eventName,
                ackWithin,
                title);
    }

    public RuleDraft withScope(RuleScope s) {
        return new RuleDraft(
                name,
                description,
                kind,
                severity,
                s,
                property,
                condition,
                clearCondition,
                window,
                aggregation,
                geofence,
                companion,
                eventName,
                ackWithin,
                title);
    }
}
