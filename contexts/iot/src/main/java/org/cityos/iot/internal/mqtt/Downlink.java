package org.cityos.iot.internal.mqtt;

import org.cityos.iot.DownlinkCommand;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Topics and payloads of downlink messages, in CityOS's own convention or ThingsBoard's. */
final class Downlink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Downlink() {}

    /** A downlink message: where it goes and what it says. */
    record Message(String topic, byte[] payload) {}

    static Message of(DownlinkCommand c, boolean thingsBoard) {
        boolean attributes = c.kind().equals("ATTRIBUTES");
        if (thingsBoard) {
            if (attributes) {
                return new Message("v1/devices/me/attributes", JSON.writeValueAsBytes(c.params()));
            }
            ObjectNode rpc = JSON.createObjectNode();
            rpc.put("method", c.name());
            rpc.set("params", c.params());
            return new Message("v1/devices/me/rpc/request/" + c.id(), JSON.writeValueAsBytes(rpc));
        }
        String base = "cityos/devices/" + c.device().value();
        if (attributes) {
            return new Message(base + "/attributes/set", JSON.writeValueAsBytes(c.params()));
        }
        ObjectNode command = JSON.createObjectNode();
        command.put("id", c.id());
        command.put("name", c.name());
        command.set("params", c.params());
        command.put("expiresAt", c.expiresAt().toString());
        return new Message(base + "/commands", JSON.writeValueAsBytes(command));
    }
}
