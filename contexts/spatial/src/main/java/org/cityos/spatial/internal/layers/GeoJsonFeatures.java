package org.cityos.spatial.internal.layers;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.LayerFeature;
import org.cityos.spatial.LayerProblems.FeaturesRejected;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) into layer features. A feature's time for
 * temporal filtering is its {@code properties.datetime} (RFC 3339), as in STAC. Every unreadable
 * feature is reported by its zero-based index; nothing is returned unless all are readable.
 */
public final class GeoJsonFeatures {
    public static final int MAX_FEATURES = 250_000;
    public static final String TIME_PROPERTY = "datetime";

    private GeoJsonFeatures() {}

    @SuppressWarnings("unchecked")
    public static List<LayerFeature> read(JsonNode root, JsonMapper json) {
        if (root == null || !root.isObject()) {
            throw InvalidInput.of("body", "layer.geojson.not-a-collection");
        }
        String type = root.path("type").asString("");
        List<JsonNode> items = new ArrayList<>();
        if (type.equals("Feature")) {
            items.add(root);
        } else if (type.equals("FeatureCollection") && root.path("features").isArray()) {
            root.get("features").forEach(items::add);
        } else {
            throw InvalidInput.of("body", "layer.geojson.not-a-collection");
        }
        if (items.size() > MAX_FEATURES) {
            throw InvalidInput.of("features", "problem.layer.too-many", MAX_FEATURES);
        }
        List<LayerFeature> features = new ArrayList<>(items.size());
        Issues issues = new Issues();
        for (int i = 0; i < items.size(); i++) {
            JsonNode f = items.get(i);
            String at = "features[" + i + "]";
            if (!f.isObject() || !"Feature".equals(f.path("type").asString(""))) {
                issues.add(i, new FieldIssue(at, "layer.geojson.not-a-feature"));
                continue;
            }
            String id = null;
            JsonNode idNode = f.path("id");
            if (idNode.isString() || idNode.isIntegralNumber()) {
                id = idNode.asString();
            } else if (!idNode.isMissingNode() && !idNode.isNull()) {
                issues.add(i, new FieldIssue(at + ".id", "layer.feature.bad-id"));
                continue;
            }
            JsonNode propsNode = f.path("properties");
            if (!propsNode.isObject() && !propsNode.isNull() && !propsNode.isMissingNode()) {
                issues.add(i, new FieldIssue(at + ".properties", "layer.geojson.properties-not-object"));
                continue;
            }
            Map<String, Object> properties =
                    propsNode.isObject() ? json.treeToValue(propsNode, LinkedHashMap.class) : Map.of();
            Instant datetime;
            try {
                datetime = time(propsNode.path(TIME_PROPERTY));
            } catch (IllegalArgumentException e) {
                issues.add(i, new FieldIssue(at + ".properties." + TIME_PROPERTY, "layer.feature.bad-datetime"));
                continue;
            }
            JsonNode g = f.path("geometry");
            if (g.isMissingNode() || g.isNull()) {
                issues.add(i, new FieldIssue(at + ".geometry", "layer.geometry.missing"));
                continue;
            }
            try {
                Geometry geometry = GeoJsonGeometry.read(g);
                // Checked here too so that one answer lists unreadable and out-of-range features together.
                FieldIssue range = FeatureChecks.rangeIssue(at + ".geometry", geometry);
                if (range != null) {
                    issues.add(i, range);
                    continue;
                }
                features.add(new LayerFeature(id, geometry, properties, datetime));
            } catch (GeoJsonGeometry.Unreadable e) {
                issues.add(i, new FieldIssue(at + ".geometry", e.messageKey(), e.args()));
            }
        }
        issues.throwIfAny();
        return features;
    }

    /** A feature time: absent or null is none; anything but an RFC 3339 string is refused. */
    static Instant time(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("not a string");
        }
        try {
            return OffsetDateTime.parse(node.asString().strip().toUpperCase(Locale.ROOT))
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Collects issues by feature index; reports the first {@value #MAX_LISTED} and how many in all. */
    static final class Issues {
        static final int MAX_LISTED = 100;
        private final List<FieldIssue> listed = new ArrayList<>();
        private int count;
        private int first = -1;

        void add(int index, FieldIssue issue) {
            count++;
            if (first < 0) {
                first = index;
            }
            if (listed.size() < MAX_LISTED) {
                listed.add(issue);
            }
        }

        boolean isEmpty() {
            return count == 0;
        }

        void throwIfAny() {
            if (count > 0) {
                throw new FeaturesRejected(listed, count, first);
            }
        }
    }
}
