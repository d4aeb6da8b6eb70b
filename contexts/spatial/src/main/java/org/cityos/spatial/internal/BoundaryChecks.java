package org.cityos.spatial.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cityos.kernel.DivisionCode;
import org.cityos.spatial.BoundaryImportReport.SiblingIssue;
import org.cityos.spatial.internal.partition.Areas;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Geometry rules for boundaries: polygonal, in range, valid or safely repairable; siblings neither overlap nor leave gaps. */
public final class BoundaryChecks {
    /** Below this many square metres an overlap or gap is noise from coordinate rounding. */
    static final double TOLERANCE_M2 = 1.0;

    private BoundaryChecks() {}

    /** The outcome of checking one geometry: the geometry to store, or the reason it is refused. */
    public record Checked(
            Geometry geometry,
            String refusal,
            String refusalDetail,
            String repairedProblem,
            double areaChangePercent) {}

    public static Checked check(Geometry g) {
        if (g == null || g.isEmpty()) {
            return new Checked(null, "problem.boundary-empty", "", null, 0);
        }
        if (!(g instanceof Polygonal)) {
            return new Checked(null, "problem.boundary-not-polygon", g.getGeometryType(), null, 0);
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
            return new Checked(null, "problem.boundary-out-of-range", e.toString(), null, 0);
        }
        IsValidOp validity = new IsValidOp(g);
        if (validity.isValid()) {
            return new Checked(g, null, null, null, 0);
        }
        TopologyValidationError error = validity.getValidationError();
        Geometry fixed = GeometryFixer.fix(g);
        double before = Math.abs(g.getArea());
        double change = before == 0 ? 100 : Math.abs(fixed.getArea() - before) / before * 100;
        if (fixed instanceof Polygonal && !fixed.isEmpty() && change < 1.0) {
            return new Checked(fixed, null, null, error.getMessage() + " at " + error.getCoordinate(), change);
        }
        return new Checked(
                null, "problem.boundary-invalid", error.getMessage() + " at " + error.getCoordinate(), null, change);
    }

    /** Overlaps between siblings, their gap to the parent, and parts of children outside it. */
    public static List<SiblingIssue> siblings(
            DivisionCode parent, Optional<Geometry> parentBoundary, Map<DivisionCode, Geometry> children) {
        List<SiblingIssue> issues = new ArrayList<>();
        List<Map.Entry<DivisionCode, Geometry>> list = new ArrayList<>(children.entrySet());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Geometry a = list.get(i).getValue();
                Geometry b = list.get(j).getValue();
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
                    double overlap = Areas.squareMetres(a.intersection(b));
                    if (overlap > TOLERANCE_M2) {
                        issues.add(new SiblingIssue(
                                "OVERLAP",
                                parent.value(),
                                List.of(
                                        list.get(i).getKey().value(),
                                        list.get(j).getKey().value()),
                                round(overlap)));
                    }
                }
            }
        }
        if (parentBoundary.isPresent() && !list.isEmpty()) {
            Geometry union = parentBoundary
                    .get()
                    .getFactory()
                    .buildGeometry(list.stream().map(Map.Entry::getValue).toList())
                    .union();
            double gap = Areas.squareMetres(parentBoundary.get().difference(union));
            if (gap > TOLERANCE_M2) {
                issues.add(new SiblingIssue("GAP", parent.value(), List.of(), round(gap)));
            }
            for (Map.Entry<DivisionCode, Geometry> child : list) {
                double outside = Areas.squareMetres(child.getValue().difference(parentBoundary.get()));
                if (outside > TOLERANCE_M2) {
                    issues.add(new SiblingIssue(
                            "OUTSIDE_PARENT",
                            parent.value(),
                            List.of(child.getKey().value()),
                            round(outside)));
                }
            }
        }
        return issues;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
