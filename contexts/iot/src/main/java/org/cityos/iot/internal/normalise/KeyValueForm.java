package org.cityos.iot.internal.normalise;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Plain key-values: {@code {"pm25": 35}}, ThingsBoard's {@code {"ts": 1732400000000, "values": {...}}}, or an
 * array of either. A {@code ts}, {@code timestamp} or {@code time} member gives the time, otherwise receipt does.
 */
final class KeyValueForm {
    private KeyValueForm() {}

    static void read(JsonNode root, TypeVocabulary vocabulary, ReadingBuffer out) {
        if (root.isArray()) {
            for (JsonNode sample : root) {
                if (!sample.isObject()) {
                    throw new PayloadProblem("array element " + PayloadProblem.quote(sample) + " is not an object");
                }
                sample(sample, vocabulary, out);
            }
        } else if (root.isObject()) {
            sample(root, vocabulary, out);
        } else {
            throw new PayloadProblem("expected a JSON object or array, got " + PayloadProblem.quote(root));
        }
    }

    private static void sample(JsonNode sample, TypeVocabulary vocabulary, ReadingBuffer out) {
        JsonNode values = sample.get("values");
        boolean thingsBoard = values != null && values.isObject() && vocabulary.byName("values") == null;
        Instant at = time(sample, out);
        for (Map.Entry<String, JsonNode> e : (thingsBoard ? values : sample).properties()) {
            String name = e.getKey();
            if (!thingsBoard && timeMember(name)) {
                continue;
            }
            out.add(vocabulary.byName(name), name, e.getValue(), at, Conversion.IDENTITY);
        }
    }

    static Instant time(JsonNode sample, ReadingBuffer out) {
        JsonNode t = sample.get("ts");
        if (t == null) {
            t = sample.get("timestamp");
        }
        if (t == null) {
            t = sample.get("time");
        }
        return t == null || t.isNull() ? out.receivedAt() : TimeFormat.AUTO.read(t);
    }

    private static boolean timeMember(String name) {
        return name.equals("ts") || name.equals("timestamp") || name.equals("time");
    }
}
