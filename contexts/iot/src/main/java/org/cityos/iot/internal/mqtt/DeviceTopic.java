package org.cityos.iot.internal.mqtt;

import java.util.Optional;
import org.cityos.iot.MessageKind;

/**
 * A device topic understood by CityOS: its own {@code cityos/devices/{id}/telemetry|attributes|events|gateway},
 * command replies {@code cityos/devices/{id}/commands/{commandId}/reply}, and ThingsBoard's
 * {@code v1/devices/me/telemetry|attributes}, {@code v1/gateway/telemetry} and
 * {@code v1/devices/me/rpc/response/{id}} ({@code device} is null for "me": the connection's own device).
 *
 * @param kind what the message is, or null for a command reply
 * @param commandId the command replied to, or null
 */
public record DeviceTopic(String device, MessageKind kind, String commandId) {
    private static final String OWN = "cityos/devices/";

    public static Optional<DeviceTopic> parse(String topic) {
        if (topic == null || topic.length() > 200) {
            return Optional.empty();
        }
        switch (topic) {
            case "v1/devices/me/telemetry":
                return Optional.of(new DeviceTopic(null, MessageKind.TELEMETRY, null));
            case "v1/devices/me/attributes":
                return Optional.of(new DeviceTopic(null, MessageKind.ATTRIBUTES, null));
            case "v1/gateway/telemetry":
                return Optional.of(new DeviceTopic(null, MessageKind.GATEWAY_TELEMETRY, null));
            default:
                break;
        }
        if (topic.startsWith("v1/devices/me/rpc/response/")) {
            String id = topic.substring("v1/devices/me/rpc/response/".length());
            return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(new DeviceTopic(null, null, id));
        }
        if (!topic.startsWith(OWN)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(OWN.length()).split("/", -1);
        if (parts[0].isEmpty()) {
            return Optional.empty();
        }
        if (parts.length == 2) {
            MessageKind kind = switch (parts[1]) {
                case "telemetry" -> MessageKind.TELEMETRY;
                case "attributes" -> MessageKind.ATTRIBUTES;
                case "events" -> MessageKind.EVENTS;
                case "gateway" -> MessageKind.GATEWAY_TELEMETRY;
                default -> null;
            };
            return kind == null ? Optional.empty() : Optional.of(new DeviceTopic(parts[0], kind, null));
        }
        if (parts.length == 4 && parts[1].equals("commands") && parts[3].equals("reply") && !parts[2].isEmpty()) {
            return Optional.of(new DeviceTopic(parts[0], null, parts[2]));
        }
        return Optional.empty();
    }

    public boolean reply() {
        return commandId != null;
    }
}
