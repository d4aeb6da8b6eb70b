package org.cityos.mqtt.client;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.util.List;

/** The MQTT 3.1.1 packets the client sends. */
final class Packets {
    private Packets() {}

    static MqttConnectMessage connect(MqttClientOptions options) {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect()
                .protocolVersion(MqttVersion.MQTT_3_1_1)
                .clientId(options.clientId())
                .cleanSession(options.cleanSession())
                .keepAlive((int) options.keepAlive().toSeconds());
        if (options.username() != null) {
            connect.hasUser(true).username(options.username());
        }
        byte[] password = options.password();
        if (password != null) {
            connect.hasPassword(true).password(password);
        }
        return connect.build();
    }

    static MqttPublishMessage publish(String topic, byte[] payload, MqttQoS qos, int packetId) {
        return MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(qos)
                .messageId(packetId)
                .payload(Unpooled.wrappedBuffer(payload))
                .build();
    }

    static MqttSubscribeMessage subscribe(int packetId, List<String> filters, int qos) {
        MqttMessageBuilders.SubscribeBuilder builder =
                MqttMessageBuilders.subscribe().messageId(packetId);
        filters.forEach(f -> builder.addSubscription(MqttQoS.valueOf(qos), f));
        return builder.build();
    }

    static MqttMessage pubAck(int packetId) {
        return new MqttMessage(
                new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pingReq() {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));
    }

    static MqttMessage disconnect() {
        return MqttMessageBuilders.disconnect().build();
    }
}
