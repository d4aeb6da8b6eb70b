package org.cityos.iot.internal.normalise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cityos.iot.DeviceType;
import org.cityos.iot.PayloadForm;
import org.cityos.iot.PayloadMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** STUB until the normalise branch merges: flat key-values only. */
public final class Normaliser {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Normalised normalise(
            DeviceType type, PayloadForm form, PayloadMapping mapping, byte[] payload, Instant receivedAt) {
        try {
            JsonNode node = JSON.readTree(payload);
            List<NormalisedReading> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isNumber()) {
                    out.add(new NormalisedReading(
                            e.getKey(), receivedAt, e.getValue().doubleValue(), null, 0));
                }
            }
            return new Normalised.Readings(out);
        } catch (RuntimeException e) {
            return new Normalised.Undecodable("malformed JSON");
        }
    }
}
