package org.cityos.iot.internal.normalise;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cityos.iot.DeviceType;
import org.cityos.iot.PayloadForm;
import org.cityos.iot.PayloadMapping;
import tools.jackson.databind.JsonNode;

/**
 * Turns one raw telemetry message into readings of its device type's properties: recognises the payload
 * form, converts units, checks data types and flags suspicious values. Pure and thread-safe: one instance
 * serves every ingest thread; per-type and per-mapping lookups are built once and cached.
 */
public final class Normaliser {
    /** A device clock this far ahead of receipt is flagged; beyond a day the message is refused. */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(10);
    /** Larger messages are refused whole: they are a misconfigured batch or an attack, not telemetry. */
    public static final int MAX_READINGS = 10_000;

    /**
     * @param form the payload's form, or null to recognise it (see {@code docs/payloads.md})
     * @param mapping the device's mapping, needed for MAPPED and CSV; may be null otherwise
     */
    public Normalised normalise(
            DeviceType type, PayloadForm form, PayloadMapping mapping, byte[] payload, Instant receivedAt) {
        if (payload == null || payload.length == 0 || PayloadJson.blank(payload)) {
            return new Normalised.Undecodable("empty payload");
        }
        try {
            TypeVocabulary vocabulary = TypeVocabulary.of(type);
            ReadingBuffer out = new ReadingBuffer(receivedAt);
            boolean csvMapping = mapping != null && mapping.csv() != null;
            if (form == PayloadForm.CSV || (form == null && !PayloadJson.looksLikeJson(payload))) {
                if (!csvMapping) {
                    return new Normalised.Undecodable(
                            form == null ? "not JSON and no CSV mapping" : "CSV needs a mapping with csv settings");
                }
                CsvForm.read(payload, mapping.csv(), CompiledMapping.of(mapping, vocabulary), vocabulary, out);
                return new Normalised.Readings(out.finish());
            }
            JsonNode root = PayloadJson.read(payload);
            PayloadForm f = form != null ? form : detect(root, mapping);
            switch (f) {
                case KEY_VALUES -> KeyValueForm.read(root, vocabulary, out);
                case NGSI_V2 -> NgsiForm.V2.read(root, vocabulary, out);
                case NGSI_LD -> NgsiForm.LD.read(root, vocabulary, out);
                case MAPPED -> {
                    if (mapping == null) {
                        return new Normalised.Undecodable("form MAPPED needs a mapping");
                    }
                    MappedForm.read(root, CompiledMapping.of(mapping, vocabulary), out);
                }
                case CSV -> throw new IllegalStateException("CSV is read above");
            }
            return new Normalised.Readings(out.finish());
        } catch (PayloadProblem p) {
            return new Normalised.Undecodable(p.getMessage());
        }
    }

    /**
     * A mapping with value rules means the device speaks its own JSON; otherwise the shape decides. An array
     * is judged by its first element, so a batch of NGSI entities is read as NGSI.
     */
    static PayloadForm detect(JsonNode root, PayloadMapping mapping) {
        if (mapping != null && !mapping.properties().isEmpty()) {
            return PayloadForm.MAPPED;
        }
        JsonNode o = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        if (!o.isObject()) {
            return PayloadForm.KEY_VALUES;
        }
        if (o.has("@context") || text(o.get("id")).startsWith("urn:ngsi-ld:")) {
            return PayloadForm.NGSI_LD;
        }
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            JsonNode v = e.getValue();
            if (v.isObject() && "Property".equals(text(v.get("type")))) {
                return PayloadForm.NGSI_LD;
            }
        }
        return o.has("id") && o.has("type") ? PayloadForm.NGSI_V2 : PayloadForm.KEY_VALUES;
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.stringValue() : "";
    }
}
