package org.cityos.iot.internal.normalise;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * FIWARE NGSI entities, v2 or NGSI-LD, in keyValues or normalized representation (an entity or an array of
 * them). Attributes map to properties by their Smart Data Model name first and the property name second;
 * identity, location, address and bookkeeping attributes are not readings and are skipped.
 */
final class NgsiForm {
    static final NgsiForm V2 = new NgsiForm(false);
    static final NgsiForm LD = new NgsiForm(true);

    private static final Set<String> NOT_READINGS = Set.of(
            "id",
            "type",
            "@context",
            "location",
            "address",
            "dateObserved",
            "dateCreated",
            "dateModified",
            "dateLastValueReported",
            "observedAt",
            "createdAt",
            "modifiedAt",
            "name",
            "description",
            "alternateName",
            "source",
            "dataProvider",
            "seeAlso",
            "areaServed",
            "owner",
            "scope");
    private static final Set<String> NOT_PROPERTIES = Set.of(
            "Relationship",
            "ListRelationship",
            "GeoProperty",
            "LanguageProperty",
            "geo:json",
            "geo:point",
            "DateTime",
            "Reference");

    private final boolean ld;

    private NgsiForm(boolean ld) {
        this.ld = ld;
    }

    void read(JsonNode root, TypeVocabulary vocabulary, ReadingBuffer out) {
        if (root.isArray()) {
            for (JsonNode entity : root) {
                if (!entity.isObject()) {
                    throw new PayloadProblem("array element " + PayloadProblem.quote(entity) + " is not an entity");
                }
                entity(entity, vocabulary, out);
            }
        } else if (root.isObject()) {
            entity(root, vocabulary, out);
        } else {
            throw new PayloadProblem("expected an NGSI entity, got " + PayloadProblem.quote(root));
        }
    }

    private void entity(JsonNode entity, TypeVocabulary vocabulary, ReadingBuffer out) {
        Instant time = entityTime(entity.get("dateObserved"), out);
        for (Map.Entry<String, JsonNode> e : entity.properties()) {
            String name = ld ? shortName(e.getKey()) : e.getKey();
            if (NOT_READINGS.contains(name) || reference(name)) {
                continue;
            }
            Slot slot = vocabulary.byAttribute(name);
            JsonNode v = e.getValue();
            if (v.isObject() && normalised(v)) {
                attribute(slot, name, v, time, out);
            } else if (ld && v.isArray() && !v.isEmpty() && v.get(0).isObject() && normalised(v.get(0))) {
                for (JsonNode instance : v) {
                    attribute(slot, name, instance, time, out);
                }
            } else {
                out.add(slot, name, v, time, Conversion.IDENTITY);
            }
        }
    }

    private void attribute(Slot slot, String name, JsonNode attribute, Instant entityTime, ReadingBuffer out) {
        JsonNode type = attribute.get("type");
        if (type != null && NOT_PROPERTIES.contains(type.asString())) {
            return;
        }
        JsonNode value = literal(attribute.get("value"));
        Instant at = entityTime;
        String unitCode = null;
        if (ld) {
            JsonNode observed = attribute.get("observedAt");
            at = observed == null ? entityTime : TimeFormat.AUTO.read(observed);
            JsonNode code = attribute.get("unitCode");
            unitCode = code == null ? null : code.asString();
        } else {
            JsonNode metadata = attribute.get("metadata");
            if (metadata != null && metadata.isObject()) {
                JsonNode stamp = literal(metadata.get("timestamp"));
                at = stamp == null || stamp.isNull() ? entityTime : TimeFormat.AUTO.read(stamp);
                JsonNode code = literal(metadata.get("unitCode"));
                unitCode = code == null || !code.isString() ? null : code.stringValue();
            }
        }
        Conversion c = unitCode == null || slot == null ? Conversion.IDENTITY : UnitCodes.conversion(unitCode, slot);
        out.add(slot, name, value, at, c);
    }

    private static Instant entityTime(JsonNode dateObserved, ReadingBuffer out) {
        JsonNode t = literal(dateObserved);
        return t == null || t.isNull() ? out.receivedAt() : TimeFormat.AUTO.read(t);
    }

    /** Unwraps {@code {"type": "DateTime", "value": x}} (v2 metadata) and {@code {"@value": x}} (JSON-LD). */
    private static JsonNode literal(JsonNode node) {
        JsonNode n = node;
        for (int depth = 0; n != null && n.isObject() && depth < 2; depth++) {
            JsonNode inner = n.has("@value") ? n.get("@value") : n.get("value");
            if (inner == null) {
                return n;
            }
            n = inner;
        }
        return n;
    }

    private static boolean normalised(JsonNode v) {
        return (v.has("type") && (v.has("value") || v.has("object"))) || (v.has("value") && v.has("metadata"));
    }

    /** {@code refDevice}, {@code refPointOfInterest}: links to other entities, never readings. */
    private static boolean reference(String name) {
        return name.length() > 3 && name.startsWith("ref") && Character.isUpperCase(name.charAt(3));
    }

    /** NGSI-LD may send expanded names ({@code https://smartdatamodels.org/dataModel.Environment/pm25}). */
    static String shortName(String name) {
        if (name.indexOf(':') < 0 || name.startsWith("@")) {
            return name;
        }
        int cut = Math.max(name.lastIndexOf('/'), Math.max(name.lastIndexOf('#'), name.lastIndexOf(':')));
        return name.substring(cut + 1);
    }
}
