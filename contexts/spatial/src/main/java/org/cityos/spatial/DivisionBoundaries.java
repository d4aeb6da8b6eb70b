package org.cityos.spatial;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cityos.audit.AuditTrail;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.cityos.spatial.BoundaryImportReport.Repair;
import org.cityos.spatial.BoundaryImportReport.SiblingIssue;
import org.cityos.spatial.DivisionProblems.UnknownDivision;
import org.cityos.spatial.internal.BoundaryChecks;
import org.cityos.spatial.internal.DivisionRules;
import org.cityos.spatial.internal.partition.Areas;
import org.cityos.spatial.persistence.DivisionGeometryRepository;
import org.cityos.spatial.persistence.DivisionRepository;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Boundaries of divisions and grids: read by everyone in scope, imported (official ones) by data stewards. */
@Service
public class DivisionBoundaries {
    private final DivisionRepository divisions;
    private final DivisionGeometryRepository geometries;
    private final Places places;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DivisionBoundaries(
            DivisionRepository divisions,
            DivisionGeometryRepository geometries,
            Places places,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock) {
        this.divisions = divisions;
        this.geometries = geometries;
        this.places = places;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** A division with its boundary (absent when none is stored). */
    public record Bounded(Division division, Geometry boundary, double areaM2, boolean syntheticBoundary) {}

    public Bounded get(Actor actor, DivisionCode code) {
        actor.require(Permission.DIVISION_READ);
        actor.requireDivision(code);
        Division d = divisions.find(code).orElseThrow(() -> new UnknownDivision(code));
        return geometries
                .find(code)
                .map(g -> new Bounded(d, g.geometry(), g.areaM2(), g.synthetic()))
                .orElse(new Bounded(d, null, 0, false));
    }

    public List<Bounded> children(Actor actor, DivisionCode parent) {
        actor.require(Permission.DIVISION_READ);
        actor.requireDivision(parent);
        List<Bounded> result = new ArrayList<>();
        for (Division child : divisions.children(parent)) {
            geometries
                    .find(child.code())
                    .ifPresent(g -> result.add(new Bounded(child, g.geometry(), g.areaM2(), g.synthetic())));
        }
        return result;
    }

    public BoundaryImportReport importBoundaries(Actor actor, List<BoundaryRow> rows, boolean dryRun, String source) {
        actor.require(Permission.DIVISION_WRITE);
        List<RowIssue> issues = new ArrayList<>();
        List<Repair> repaired = new ArrayList<>();
        Map<DivisionCode, Geometry> accepted = new LinkedHashMap<>();
        for (BoundaryRow row : rows) {
            var code = DivisionRules.code(row.code());
            if (code.isEmpty()) {
                issues.add(new RowIssue(row.row(), row.code(), "code", "problem.invalid-division-code", row.code()));
                continue;
            }
            if (row.unreadable() != null) {
                issues.add(new RowIssue(
                        row.row(), row.code(), "geometry", "problem.boundary-unreadable", row.unreadable()));
                continue;
            }
            if (divisions.find(code.get()).isEmpty()) {
                issues.add(new RowIssue(row.row(), row.code(), "code", "problem.unknown-division", row.code()));
                continue;
            }
            if (!actor.covers(code.get())) {
                issues.add(new RowIssue(row.row(), row.code(), "code", "problem.division-out-of-scope", row.code()));
                continue;
            }
            if (accepted.containsKey(code.get())) {
                issues.add(new RowIssue(row.row(), row.code(), "code", "problem.duplicate-in-file", row.code()));
                continue;
            }
            BoundaryChecks.Checked checked = BoundaryChecks.check(row.geometry());
            if (checked.geometry() == null) {
                issues.add(new RowIssue(row.row(), row.code(), "geometry", checked.refusal(), checked.refusalDetail()));
                continue;
            }
            if (checked.repairedProblem() != null) {
                repaired.add(new Repair(
                        row.row(),
                        row.code(),
                        checked.repairedProblem(),
                        Math.round(checked.areaChangePercent() * 1000) / 1000.0));
            }
            accepted.put(code.get(), checked.geometry());
        }
        List<SiblingIssue> siblings = siblingReport(accepted);
        if (!dryRun && !accepted.isEmpty()) {
            tx.executeWithoutResult(status -> store(actor, accepted, source));
            places.rebuild();
        }
        return new BoundaryImportReport(dryRun, rows.size(), accepted.size(), issues, repaired, siblings);
    }

    private void store(Actor actor, Map<DivisionCode, Geometry> accepted, String source) {
        Instant now = clock.instant();
        accepted.forEach((code, g) -> geometries.upsert(code, g, Areas.squareMetres(g), false, source, now));
        audit.record(
                actor,
                "spatial.boundary.import",
                "boundary-import",
                source,
                Map.of(
                        "applied",
                        accepted.size(),
                        "codes",
                        accepted.keySet().stream()
                                .limit(50)
                                .map(DivisionCode::value)
                                .toList()));
    }

    /** Checks each affected parent's children as they would stand after the import. */
    private List<SiblingIssue> siblingReport(Map<DivisionCode, Geometry> accepted) {
        Set<DivisionCode> parents = new HashSet<>();
        accepted.keySet().forEach(c -> c.parent().ifPresent(parents::add));
        List<SiblingIssue> issues = new ArrayList<>();
        for (DivisionCode parent : parents) {
            Map<DivisionCode, Geometry> children = new LinkedHashMap<>();
            for (Division child : divisions.children(parent)) {
                Geometry g = accepted.containsKey(child.code())
                        ? accepted.get(child.code())
                        : geometries
                                .find(child.code())
                                .map(DivisionGeometryRepository.Stored::geometry)
                                .orElse(null);
                if (g != null) {
                    children.put(child.code(), g);
                }
            }
            var parentBoundary = accepted.containsKey(parent)
                    ? java.util.Optional.of(accepted.get(parent))
                    : geometries.find(parent).map(DivisionGeometryRepository.Stored::geometry);
            issues.addAll(BoundaryChecks.siblings(parent, parentBoundary, children));
        }
        return issues;
    }
}
