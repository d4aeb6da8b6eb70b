package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MqttPublishIT {
    private static final byte[] READING = "{\"temperature\":21.5}".getBytes(StandardCharsets.UTF_8);

    private EndpointFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aQos1PubackIsSentOnlyAfterTheApplicationStoredTheMessage() {
        fixture = EndpointFixture.start();
        fixture.handler.holdStores();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, READING, 1, 7);
            device.ping();
            // the endpoint answers in order: a PUBACK written before storage would come before this PINGRESP
            device.next(MqttMessageType.PINGRESP);
            ScriptedHandler.Stored message = fixture.handler.nextStored();
            assertThat(message.topic()).isEqualTo(ScriptedHandler.TELEMETRY);
            assertThat(message.payload()).isEqualTo(READING);
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.session().clientId()).isEqualTo("meter-1");
            assertThat(device.pending()).isZero();

            message.done().complete(null);

            assertThat(packetId(device.next(MqttMessageType.PUBACK))).isEqualTo(7);
        }
        assertThat(fixture.count("cityos.mqtt.messages.received", "qos", "1")).isEqualTo(1.0);
        assertThat(fixture.count("cityos.mqtt.messages.acked")).isEqualTo(1.0);
    }

    @Test
    void pubacksFollowTheOrderInWhichMessagesAreStored() {
        fixture = EndpointFixture.start();
        fixture.handler.holdStores();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, READING, 1, 1);
            device.publish(ScriptedHandler.TELEMETRY, READING, 1, 2);
            ScriptedHandler.Stored first = fixture.handler.nextStored();
            ScriptedHandler.Stored second = fixture.handler.nextStored();

            second.done().complete(null);
            assertThat(packetId(device.next(MqttMessageType.PUBACK))).isEqualTo(2);
            first.done().complete(null);
            assertThat(packetId(device.next(MqttMessageType.PUBACK))).isEqualTo(1);
        }
    }

    @Test
    void aFailedStoreClosesTheConnectionWithoutPuback() {
        fixture = EndpointFixture.start();
        fixture.handler.holdStores();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, READING, 1, 3);
            fixture.handler.nextStored().done().completeExceptionally(new IllegalStateException("disk full"));

            assertThat(device.awaitClosed()).isTrue();
            assertThat(device.poll()).isNull();
        }
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "failed")).isEqualTo(1.0);
        assertThat(fixture.count("cityos.mqtt.messages.acked")).isZero();
    }

    @Test
    void qos0IsNotAcknowledgedAndAFailedStoreOnlyCounts() {
        fixture = EndpointFixture.start();
        fixture.handler.holdStores();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, READING, 0, 0);
            fixture.handler.nextStored().done().completeExceptionally(new IllegalStateException("disk full"));
            device.ping();

            device.next(MqttMessageType.PINGRESP);
            assertThat(device.isOpen()).isTrue();
        }
        assertThat(fixture.count("cityos.mqtt.messages.received", "qos", "0")).isEqualTo(1.0);
        // The failure is counted on the event loop, which may answer the PINGREQ first.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(fixture.count("cityos.mqtt.refused", "reason", "failed"))
                        .isEqualTo(1.0));
    }

    @Test
    void publishingToARefusedTopicClosesTheConnection() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish("v1/devices/other/telemetry", READING, 1, 4);
            assertThat(device.awaitClosed()).isTrue();
            assertThat(device.poll()).isNull();
        }
        assertThat(fixture.handler.publishes).hasValue(0);
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "topic")).isEqualTo(1.0);
    }

    @Test
    void anOversizedMessageClosesTheConnectionBeforeReachingTheApplication() {
        fixture = EndpointFixture.start(s -> s.withMaxMessageBytes(1024));
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, new byte[4096], 1, 5);
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.handler.publishes).hasValue(0);
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "oversize")).isEqualTo(1.0);
    }

    @Test
    void aMalformedFrameClosesTheConnection() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            // packet type 0 is reserved
            device.sendRaw(Unpooled.wrappedBuffer(new byte[] {0x00, 0x00}));
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "malformed")).isEqualTo(1.0);
    }

    @Test
    void qos2IsRefusedByClosing() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.publish(ScriptedHandler.TELEMETRY, READING, 2, 6);
            assertThat(device.awaitClosed()).isTrue();
            assertThat(device.poll()).isNull();
        }
        assertThat(fixture.handler.publishes).hasValue(0);
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "qos2")).isEqualTo(1.0);
    }

    @Test
    void subscriptionsAreGrantedAtMostQos1AndRefusedFiltersGetFailureCodes() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.send(MqttMessageBuilders.subscribe()
                    .messageId(11)
                    .addSubscription(MqttQoS.EXACTLY_ONCE, "v1/devices/me/rpc/request/+")
                    .addSubscription(MqttQoS.AT_MOST_ONCE, "v1/devices/me/attributes")
                    .addSubscription(MqttQoS.AT_LEAST_ONCE, "#")
                    .build());
            MqttSubAckMessage subAck = (MqttSubAckMessage) device.next(MqttMessageType.SUBACK);
            assertThat(subAck.variableHeader().messageId()).isEqualTo(11);
            assertThat(subAck.payload().reasonCodes()).containsExactly(1, 0, 0x80);

            device.send(MqttMessageBuilders.unsubscribe()
                    .messageId(12)
                    .addTopicFilter("v1/devices/me/attributes")
                    .build());
            assertThat(packetId(device.next(MqttMessageType.UNSUBACK))).isEqualTo(12);
        }
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }
}
