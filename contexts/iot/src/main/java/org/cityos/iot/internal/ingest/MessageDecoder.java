package org.cityos.iot.internal.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceId;
import org.cityos.iot.DeviceType;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.internal.normalise.GatewayPayload;
import org.cityos.iot.internal.normalise.Normalised;
import org.cityos.iot.internal.normalise.NormalisedReading;
import org.cityos.iot.internal.normalise.Normaliser;
import org.cityos.iot.persistence.DeadLetterRow;
import org.cityos.iot.persistence.DeviceEventRow;
import org.cityos.iot.persistence.ReadingRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns a raw message into rows: readings in the type's standard model, events, attributes — or dead letters
 * with the reason. Pure CPU work apart from cached lookups, so it runs on the receiving threads as messages are
 * queued (behind the embedded queue) or on the Kafka consumers.
 */
public final class MessageDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Normaliser normaliser;
    private final Function<String, Optional<DeviceType>> types;
    private final DeviceDirectory directory;
    private final DecodingRules rules;

    public MessageDecoder(
            Normaliser normaliser,
            Function<String, Optional<DeviceType>> types,
            DeviceDirectory directory,
            DecodingRules rules) {
        this.normaliser = normaliser;
        this.types = types;
        this.directory = directory;
        this.rules = rules;
    }

    /** Why the message would be dead-lettered now, or empty if it decodes (used by replays). */
    public java.util.Optional<InboundMessage.Rejection> check(InboundMessage m) {
        Decoded d = decode(m);
        if (d.deadLetters().isEmpty()) {
            return java.util.Optional.empty();
        }
        DeadLetterRow first = d.deadLetters().get(0);
        return java.util.Optional.of(new InboundMessage.Rejection(first.reasonCode(), first.reason()));
    }

    Decoded decode(InboundMessage m) {
        Decoded out = new Decoded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (m.rejection() != null) {
            out.deadLetters()
                    .add(dead(
                            m,
                            m.device(),
                            m.typeCode(),
                            m.rejection().code(),
                            m.rejection().reason()));
            return out;
        }
        try {
            switch (m.kind()) {
                case TELEMETRY -> readings(m, m.device(), m.typeCode(), m.payload(), out);
                case GATEWAY_TELEMETRY -> gateway(m, out);
                case ATTRIBUTES -> attributes(m, out);
                case EVENTS -> events(m, out);
            }
        } catch (RuntimeException e) {
            // Anything the decoders did not foresee still ends as a dead letter, never as a lost message.
            out.readings().clear();
            out.events().clear();
            out.attributes().clear();
            out.deadLetters().add(dead(m, m.device(), m.typeCode(), "UNDECODABLE", "unreadable payload: " + e));
        }
        return out;
    }

    private void readings(InboundMessage m, DeviceId device, String typeCode, byte[] payload, Decoded out) {
        Optional<DeviceType> type = types.apply(typeCode);
        if (type.isEmpty()) {
            out.deadLetters().add(dead(m, device, typeCode, "UNKNOWN_TYPE", "device type " + typeCode + " unknown"));
            return;
        }
        DecodingRule rule =
                m.integrationId() != null ? rules.forIntegration(m.integrationId(), typeCode) : rules.forType(typeCode);
        Normalised n = normaliser.normalise(
                type.get(), m.form() != null ? m.form() : rule.form(), rule.mapping(), payload, m.receivedAt());
        if (n instanceof Normalised.Undecodable u) {
            out.deadLetters().add(dead(m, device, typeCode, "UNDECODABLE", u.reason(), payload));
            return;
        }
        for (NormalisedReading r : ((Normalised.Readings) n).readings()) {
            out.readings()
                    .add(new ReadingRow(
                            device.value(), r.property(), r.at(), r.number(), r.text(), r.flags(), m.receivedAt()));
        }
    }

    private void gateway(InboundMessage m, Decoded out) {
        GatewayPayload.Split split = GatewayPayload.split(m.payload());
        if (split instanceof GatewayPayload.Undecodable u) {
            out.deadLetters().add(dead(m, m.device(), m.typeCode(), "UNDECODABLE", u.reason()));
            return;
        }
        Map<String, byte[]> parts = ((GatewayPayload.Children) split).payloads();
        if (parts.isEmpty()) {
            out.deadLetters().add(dead(m, m.device(), m.typeCode(), "UNDECODABLE", "gateway payload names no device"));
        }
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            Optional<Device> child = directory.child(m.device(), part.getKey());
            if (child.isEmpty()) {
                out.deadLetters()
                        .add(dead(
                                m,
                                m.device(),
                                m.typeCode(),
                                "NOT_A_CHILD",
                                "\"" + part.getKey() + "\" is not a device registered behind gateway "
                                        + m.device().value(),
                                wrap(part.getKey(), part.getValue())));
                continue;
            }
            readings(m, child.get().id(), child.get().typeCode(), part.getValue(), out);
        }
    }

    private void attributes(InboundMessage m, Decoded out) {
        JsonNode node = JSON.readTree(m.payload());
        if (node == null || !node.isObject() || node.isEmpty()) {
            out.deadLetters().add(dead(m, m.device(), m.typeCode(), "UNDECODABLE", "attributes must be a JSON object"));
            return;
        }
        out.attributes().add(new Decoded.AttributeWrite(m.device().value(), JSON.writeValueAsString(node)));
    }

    private void events(InboundMessage m, Decoded out) {
        JsonNode node = JSON.readTree(m.payload());
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        } else if (node != null) {
            items.add(node);
        }
        for (JsonNode item : items) {
            String name = item.path("name").asString(item.path("event").asString(""));
            if (!item.isObject() || name.isBlank() || name.length() > 100) {
                out.events().clear();
                out.deadLetters()
                        .add(dead(
                                m, m.device(), m.typeCode(), "UNDECODABLE", "an event needs a \"name\" (≤ 100 chars)"));
                return;
            }
            Instant at = eventTime(item.path("ts"), m.receivedAt());
            JsonNode data = item.path("data");
            String json = data.isObject() ? JSON.writeValueAsString(data) : "{}";
            out.events().add(new DeviceEventRow(m.device().value(), at, name, json, m.receivedAt()));
        }
    }

    private static Instant eventTime(JsonNode ts, Instant fallback) {
        if (ts.isNumber()) {
            long v = ts.longValue();
            return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        if (ts.isString()) {
            try {
                return Instant.parse(ts.asString());
            } catch (RuntimeException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static DeadLetterRow dead(InboundMessage m, DeviceId device, String type, String code, String reason) {
        return dead(m, device, type, code, reason, m.payload());
    }

    private static DeadLetterRow dead(
            InboundMessage m, DeviceId device, String type, String code, String reason, byte[] payload) {
        return new DeadLetterRow(
                m.receivedAt(),
                device == null ? null : device.value(),
                type,
                m.channel().name(),
                m.kind().name(),
                m.form() == null ? null : m.form().name(),
                m.integrationId(),
                code,
                reason,
                payload);
    }

    /** A child's part as a gateway message of its own, so that its dead letter can be replayed as such. */
    private static byte[] wrap(String key, byte[] part) {
        tools.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
        o.set(key, JSON.readTree(part));
        return JSON.writeValueAsBytes(o);
    }
}
