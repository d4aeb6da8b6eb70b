package org.cityos.mqtt.server;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttQoS;

/** The server's fixed-shape packets; headers are immutable, so one instance of each serves every connection. */
final class Replies {
    static final MqttMessage PINGRESP = new MqttMessage(header(MqttMessageType.PINGRESP));

    private static final MqttFixedHeader PUBACK = header(MqttMessageType.PUBACK);
    private static final MqttFixedHeader CONNACK = header(MqttMessageType.CONNACK);

    private Replies() {}

    static MqttPubAckMessage pubAck(int packetId) {
        return new MqttPubAckMessage(PUBACK, MqttMessageIdVariableHeader.from(packetId));
    }

    /** Sessions are never kept, so "session present" is always false. */
    static MqttConnAckMessage connAck(MqttConnectReturnCode code) {
        return new MqttConnAckMessage(CONNACK, new MqttConnAckVariableHeader(code, false));
    }

    static MqttFixedHeader header(MqttMessageType type) {
        // the encoder computes the remaining length itself
        return new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0);
    }
}
