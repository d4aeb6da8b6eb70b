package org.cityos.spatial.internal.layers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerGeometryType;
import org.cityos.spatial.LayerImportReport.FeatureRepair;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a feature must be before a layer stores it: a usable id, a non-empty geometry of the layer's
 * kind inside WGS84's range, valid (a self-intersecting polygon is repaired when the repair changes
 * its area by less than {@value #MAX_REPAIR_PERCENT}%), and properties of bounded size.
 */
public final class FeatureChecks {
    public static final double MAX_REPAIR_PERCENT = 1.0;
    public static final int MAX_PROPERTIES_BYTES = 64 * 1024;
    public static final int MAX_ID = 128;
    /** Ids appear in URLs: no slashes, backslashes, control characters or dot-only names. */
    private static final Pattern ID = Pattern.compile("[^/\\\\\\p{Cntrl}]{1," + MAX_ID + "}");

    private FeatureChecks() {}

    /** Checked features, ready to store, and the repairs made on the way. */
    public record Checked(List<LayerFeature> features, List<FeatureRepair> repairs) {}

    /**
     * Checks every feature, assigns ids to those without one, and rejects the whole batch (with one
     * issue per bad feature, by index) if any is bad.
     */
    public static Checked check(
            List<LayerFeature> features, LayerGeometryType type, JsonMapper json, Supplier<String> newId) {
        GeoJsonFeatures.Issues issues = new GeoJsonFeatures.Issues();
        List<LayerFeature> out = new ArrayList<>(features.size());
        List<FeatureRepair> repairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "features[" + i + "]";
            LayerFeature f = features.get(i);
            if (f == null) {
                issues.add(i, new FieldIssue(at, "layer.geojson.not-a-feature"));
                continue;
            }
            String id = f.id() == null ? newId.get() : f.id();
            FieldIssue idIssue = idIssue(at, id, seen);
            if (idIssue != null) {
                issues.add(i, idIssue);
                continue;
            }
            FieldIssue propsIssue = propertiesIssue(at, f, json);
            if (propsIssue != null) {
                issues.add(i, propsIssue);
                continue;
            }
            Outcome g = geometry(at, f.geometry(), type);
            if (g.issue != null) {
                issues.add(i, g.issue);
                continue;
            }
            if (g.areaChangePercent >= 0) {
                repairs.add(new FeatureRepair(i, id, g.areaChangePercent));
            }
            out.add(new LayerFeature(id, g.geometry, f.properties(), f.datetime()));
        }
        issues.throwIfAny();
        return new Checked(out, repairs);
    }

    private static FieldIssue idIssue(String at, String id, Set<String> seen) {
        if (!ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            return new FieldIssue(at + ".id", "layer.feature.bad-id");
        }
        if (!seen.add(id)) {
            return new FieldIssue(at + ".id", "layer.feature.duplicate-id", id);
        }
        return null;
    }

    private static FieldIssue propertiesIssue(String at, LayerFeature f, JsonMapper json) {
        try {
            if (json.writeValueAsBytes(f.properties()).length > MAX_PROPERTIES_BYTES) {
                return new FieldIssue(at + ".properties", "layer.feature.properties-too-large", MAX_PROPERTIES_BYTES);
            }
            return null;
        } catch (JacksonException e) {
            return new FieldIssue(at + ".properties", "layer.geojson.properties-not-object");
        }
    }

    /** A checked geometry, or why not; {@code areaChangePercent} is -1 unless it was repaired. */
    private record Outcome(Geometry geometry, FieldIssue issue, double areaChangePercent) {
        static Outcome bad(FieldIssue issue) {
            return new Outcome(null, issue, -1);
        }
    }

    static Outcome geometry(String at, Geometry g, LayerGeometryType type) {
        String field = at + ".geometry";
        if (g == null) {
            return Outcome.bad(new FieldIssue(field, "layer.geometry.missing"));
        }
        if (g.isEmpty()) {
            return Outcome.bad(new FieldIssue(field, "layer.geometry.empty"));
        }
        FieldIssue range = rangeIssue(field, g);
        if (range != null) {
            return Outcome.bad(range);
        }
        if (!type.accepts(g)) {
            return Outcome.bad(new FieldIssue(field, "layer.geometry.wrong-type", g.getGeometryType(), type.name()));
        }
        IsValidOp validity = new IsValidOp(g);
        if (validity.isValid()) {
            return new Outcome(g, null, -1);
        }
        TopologyValidationError error = validity.getValidationError();
        String reason = error.getMessage() + " " + point(error.getCoordinate());
        if (!(g instanceof Polygonal)) {
            return Outcome.bad(new FieldIssue(field, "layer.geometry.invalid", reason));
        }
        Geometry fixed = GeometryFixer.fix(g);
        double change = areaChangePercent(g, fixed);
        if (fixed.isEmpty() || !type.accepts(fixed) || !(change < MAX_REPAIR_PERCENT)) {
            return Outcome.bad(new FieldIssue(
                    field,
                    "layer.geometry.unrepairable",
                    reason,
                    Double.isFinite(change) ? String.format(Locale.ROOT, "%.2f", change) : "∞",
                    MAX_REPAIR_PERCENT));
        }
        fixed.setSRID(g.getSRID());
        return new Outcome(fixed, null, change);
    }

    /** The first position outside WGS84's range, as an issue of {@code field}; null if all are inside. */
    static FieldIssue rangeIssue(String field, Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                return new FieldIssue(field, "layer.geometry.out-of-range", String.valueOf(c.x), String.valueOf(c.y));
            }
        }
        return null;
    }

    /**
     * How much a repair changed the area, in percent of the area the input ring(s) describe. A bow
     * tie's lobes cancel in that area, so its repair shows as a large change and is refused.
     */
    static double areaChangePercent(Geometry original, Geometry fixed) {
        double before = original.getArea();
        if (!(before > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(fixed.getArea() - before) / before * 100.0;
    }

    private static String point(Coordinate c) {
        return c == null ? "" : String.format(Locale.ROOT, "(%.7f, %.7f)", c.x, c.y);
    }
}
