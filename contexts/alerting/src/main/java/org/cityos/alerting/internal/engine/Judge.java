package org.cityos.alerting.internal.engine;

import org.cityos.alerting.Geofence;
import org.cityos.alerting.internal.expr.Facts;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The per-kind decisions: given a subject's state and the facts of this moment, whether its alarm rises, repeats or
 * clears. Callers hold the subject's lock and have filled the facts with the device's values.
 */
final class Judge {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Verdicts out;

    Judge(Verdicts out) {
        this.out = out;
    }

    /** THRESHOLD and COMPOSITE (whose companion part the caller folded into {@code held}). */
    void level(SubjectState s, boolean held, Facts f, long at) {
        if (held) {
            if (!s.active) {
                out.raise(s, f, at);
            } else if (!s.held) {
                out.repeat(s, f, at);
            }
        } else if (s.active && (s.rule.clear == null || s.rule.clear.test(f))) {
            out.clear(s, f, at);
        }
        s.held = held;
    }

    void threshold(SubjectState s, Facts f, long at) {
        level(s, s.rule.condition.test(f), f, at);
    }

    void duration(SubjectState s, Facts f, long at) {
        boolean held = s.rule.condition.test(f);
        if (held) {
            if (s.since < 0) {
                s.timeFrom(at);
                s.changed();
            }
            if (!s.active && at - s.since >= s.rule.windowMillis) {
                out.raise(s, f, at);
            }
        } else {
            if (s.since >= 0) {
                s.timeFrom(-1);
                s.changed();
            }
            if (s.active && (s.rule.clear == null || s.rule.clear.test(f))) {
                out.clear(s, f, at);
            }
        }
        s.held = held;
    }

    /** A sample of the rate rule's property: rate per hour and delta against the window's oldest sample. */
    void rate(SubjectState s, Facts f, double value, long at) {
        Window w = s.window();
        if (s.rule.windowMillis > 0) {
            w.evict(at - s.rule.windowMillis);
        } else {
            w.evict(Long.MAX_VALUE);
        }
        double baseValue = w.firstValue();
        long baseAt = w.firstTime();
        w.add(at, value, null);
        s.changed();
        f.number(s.rule.valueSlot, value);
        if (!Double.isNaN(baseValue) && at > baseAt) {
            double delta = value - baseValue;
            f.number(s.rule.deltaSlot, delta);
            f.number(s.rule.rateSlot, delta / ((at - baseAt) / 3_600_000.0));
        } else {
            f.unset(s.rule.deltaSlot);
            f.unset(s.rule.rateSlot);
        }
        threshold(s, f, at);
    }

    /** Adds a sample (when it passes the rule's filter) and judges the window's aggregates. */
    void aggregate(SubjectState s, Facts f, double value, String contributor, long at, boolean passes) {
        Window w = s.window();
        if (passes) {
            w.add(at, value, contributor);
            s.changed();
        }
        if (w.evict(at - s.rule.windowMillis)) {
            s.changed();
        }
        aggregates(s, f);
        threshold(s, f, at);
    }

    void aggregates(SubjectState s, Facts f) {
        Window w = s.window();
        CompiledRule r = s.rule;
        f.number(r.countSlot, r.byDivision ? w.distinct() : w.size());
        f.number(r.sumSlot, w.sum());
        f.number(r.avgSlot, w.avg());
        if (r.usesMin) {
            f.number(r.minSlot, w.min());
        }
        if (r.usesMax) {
            f.number(r.maxSlot, w.max());
        }
        if (r.usesPct) {
            f.number(r.pctSlot, w.percentile(r.percentile));
        }
    }

    /** A new position of a vehicle against the rule's fence. */
    void geofence(SubjectState s, Facts f, double lat, double lon, long at) {
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            return;
        }
        CompiledRule r = s.rule;
        boolean inside = r.fence.contains(GEOMETRY.createPoint(new Coordinate(lon, lat)));
        Boolean before = s.inside;
        if (before == null || before != inside) {
            s.inside = inside;
            s.timeFrom(inside ? at : -1);
            s.changed();
        }
        f.bool(r.slot(RuleVocabulary.INSIDE), inside);
        f.number(r.slot(RuleVocabulary.DWELL), inside ? (at - s.since) / 60_000.0 : 0);
        boolean extra = r.condition == null || r.condition.test(f);
        switch (r.fenceTrigger) {
            case Geofence.ENTER -> {
                if (inside && Boolean.FALSE.equals(before) && extra && !s.active) {
                    out.raise(s, f, at);
                } else if (!inside && s.active) {
                    out.clear(s, f, at);
                }
            }
            case Geofence.EXIT -> {
                if (!inside && Boolean.TRUE.equals(before) && extra && !s.active) {
                    out.raise(s, f, at);
                } else if (inside && s.active) {
                    out.clear(s, f, at);
                }
            }
            default -> dwell(s, f, at);
        }
    }

    /** DWELL: inside for the rule's window (from a position or from the clock). */
    void dwell(SubjectState s, Facts f, long at) {
        if (Boolean.TRUE.equals(s.inside) && s.since >= 0) {
            if (!s.active
                    && at - s.since >= s.rule.windowMillis
                    && (s.rule.condition == null || s.rule.condition.test(f))) {
                out.raise(s, f, at);
            }
        } else if (s.active) {
            out.clear(s, f, at);
        }
    }

    /** A discrete finding (offline, an event): raises, or repeats while the alarm is open. */
    void occurrence(SubjectState s, Facts f, long at) {
        if (s.rule.condition != null && !s.rule.condition.test(f)) {
            return;
        }
        if (s.active) {
            out.repeat(s, f, at);
        } else {
            out.raise(s, f, at);
        }
    }
}
