package org.cityos.spatial.internal.poi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cityos.kernel.problem.DomainProblem;
import org.cityos.kernel.problem.FieldIssue;
import org.cityos.spatial.PoiProblems.UnreadablePoiFile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection of Point features, streamed: the parser walks to the {@code features}
 * array and materialises one feature at a time. Properties use the same names as CSV columns.
 */
final class GeoJsonPoiReader implements PoiFileReader {
    // Jackson 3 refuses tokens after a value by default; here the rest of the array follows each feature.
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public void check(Path file) {
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = JSON.createParser(in)) {
            toFeatures(p);
        } catch (DomainProblem e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadablePoiFile("not GeoJSON: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void read(Path file, PoiRowSink sink) {
        int rows = 0;
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = JSON.createParser(in)) {
            toFeatures(p);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode feature = JSON.readTree(p);
                rows++;
                sink.accept(row(rows, feature));
            }
        } catch (DomainProblem e) {
            throw e;
        } catch (Exception e) {
            throw new Broken(
                    rows,
                    "GeoJSON breaks after feature " + rows + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    /** Leaves the parser on the START_ARRAY of {@code features}; refuses anything but a FeatureCollection. */
    private static void toFeatures(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new UnreadablePoiFile("not a GeoJSON object");
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("type".equals(name)) {
                if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(p.getString())) {
                    throw new UnreadablePoiFile("not a FeatureCollection");
                }
            } else if ("features".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw new UnreadablePoiFile("features is not an array");
                }
                return;
            } else {
                p.skipChildren();
            }
        }
        throw new UnreadablePoiFile("no features array");
    }

    static PoiRow row(int number, JsonNode feature) {
        Map<String, String> fields = new HashMap<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        List<FieldIssue> issues = new ArrayList<>();
        JsonNode geometry = feature.path("geometry");
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(geometry.path("type").asString(""))
                || !coordinates.isArray()
                || coordinates.size() < 2
                || !coordinates.get(0).isNumber()
                || !coordinates.get(1).isNumber()) {
            issues.add(new FieldIssue("geometry", "problem.poi-geometry-point"));
        } else {
            fields.put(PoiColumns.LON, coordinates.get(0).asString());
            fields.put(PoiColumns.LAT, coordinates.get(1).asString());
        }
        JsonNode properties = feature.path("properties");
        if (properties.isObject()) {
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                String field = PoiColumns.field(e.getKey());
                JsonNode v = e.getValue();
                if (field == null) {
                    if (!v.isNull()) {
                        extra.put(PoiColumns.attributeKey(e.getKey()), scalar(v));
                    }
                } else if (!field.isEmpty() && !field.equals(PoiColumns.LON) && !field.equals(PoiColumns.LAT)) {
                    fields.put(field, v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString());
                }
            }
        }
        return new PoiRow(number, fields, extra, issues);
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.isString() ? v.asString() : v.toString();
    }
}
