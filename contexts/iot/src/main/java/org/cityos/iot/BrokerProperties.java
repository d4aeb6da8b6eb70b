package org.cityos.iot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external MQTT broker CityOS consumes device messages from in scale-out mode ({@code cityos.iot.broker.*});
 * a blank host leaves it off. Each node holds a persistent session (clean session off) with a stable client id
 * and joins the shared subscription group, so the broker spreads messages over the nodes and keeps them while a
 * node is down; a message is acknowledged to the broker only after CityOS stored it.
 *
 * @param clientId this node's stable client id (one per node)
 * @param sharedGroup the shared-subscription group all nodes join
 * @param maxInFlight QoS 1 messages the broker may have outstanding to this node
 */
@ConfigurationProperties("cityos.iot.broker")
public record BrokerProperties(
        String host,
        Integer port,
        String username,
        String password,
        String clientId,
        String sharedGroup,
        Duration keepAlive,
        Duration reconnectDelay,
        Integer maxInFlight) {

    public BrokerProperties {
        host = host == null ? "" : host.strip();
        port = port == null ? 1883 : port;
        clientId = clientId == null || clientId.isBlank() ? "cityos-ingest-1" : clientId;
        sharedGroup = sharedGroup == null || sharedGroup.isBlank() ? "cityos" : sharedGroup;
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(2) : reconnectDelay;
        maxInFlight = maxInFlight == null ? 1000 : maxInFlight;
        if (port < 1 || port > 65535 || maxInFlight < 1) {
            throw new IllegalArgumentException("cityos.iot.broker: port 1..65535, max-in-flight ≥ 1");
        }
    }

    public boolean enabled() {
        return !host.isBlank();
    }
}
