package org.cityos.mqtt.server;

import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.List;
import org.cityos.mqtt.MqttDeviceHandler;
import org.cityos.mqtt.MqttSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers SUBSCRIBE and UNSUBSCRIBE. Nothing is remembered: downlinks go to a session whatever it subscribed to
 * (see {@link MqttSession#send}), so a subscription only needs the application's consent.
 */
final class Subscriptions {
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final int FAILURE = 0x80;

    private Subscriptions() {}

    static MqttSubAckMessage answer(MqttSession session, MqttDeviceHandler handler, MqttSubscribeMessage request) {
        List<MqttTopicSubscription> filters = request.payload().topicSubscriptions();
        int[] granted = new int[filters.size()];
        for (int i = 0; i < granted.length; i++) {
            MqttTopicSubscription filter = filters.get(i);
            granted[i] = allowed(session, handler, filter.topicFilter())
                    ? Math.min(filter.qualityOfService().value(), 1)
                    : FAILURE;
        }
        return new MqttSubAckMessage(
                Replies.header(MqttMessageType.SUBACK),
                MqttMessageIdVariableHeader.from(request.variableHeader().messageId()),
                new MqttSubAckPayload(granted));
    }

    static MqttUnsubAckMessage answer(MqttUnsubscribeMessage request) {
        return new MqttUnsubAckMessage(
                Replies.header(MqttMessageType.UNSUBACK),
                MqttMessageIdVariableHeader.from(request.variableHeader().messageId()));
    }

    private static boolean allowed(MqttSession session, MqttDeviceHandler handler, String filter) {
        try {
            return handler.maySubscribe(session, filter);
        } catch (RuntimeException e) {
            log.warn("subscription check failed for {} on {}; refusing", session.clientId(), filter, e);
            return false;
        }
    }
}
