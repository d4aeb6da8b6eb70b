package org.cityos.iot.internal.normalise;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A vendor's own JSON read by a declarative mapping. A rule whose path is absent from a sample is skipped,
 * since devices often send a subset; a sample without its time member takes the receipt time.
 */
final class MappedForm {
    private MappedForm() {}

    static void read(JsonNode root, CompiledMapping mapping, ReadingBuffer out) {
        if (mapping.items == null) {
            sample(root, root, mapping, out);
            return;
        }
        JsonNode items = root.at(mapping.items);
        if (!items.isArray()) {
            throw new PayloadProblem("items at " + mapping.items + " is not an array");
        }
        for (JsonNode sample : items) {
            sample(sample, root, mapping, out);
        }
    }

    private static void sample(JsonNode sample, JsonNode root, CompiledMapping mapping, ReadingBuffer out) {
        Instant at = out.receivedAt();
        if (mapping.timePointer != null) {
            JsonNode t = sample.at(mapping.timePointer);
            if (t.isMissingNode() && sample != root) {
                // A batch often carries one time for all its samples, beside the array.
                t = root.at(mapping.timePointer);
            }
            if (!t.isMissingNode() && !t.isNull()) {
                at = mapping.time.read(t);
            }
        }
        for (CompiledMapping.Step step : mapping.steps) {
            JsonNode v = sample.at(step.pointer());
            if (!v.isMissingNode()) {
                out.add(step.slot(), step.slot().name(), v, at, step.conversion());
            }
        }
    }
}
