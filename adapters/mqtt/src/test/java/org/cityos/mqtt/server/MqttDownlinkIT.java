package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cityos.mqtt.MqttSession;
import org.cityos.mqtt.MqttSessionClosed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MqttDownlinkIT {
    private static final String RPC = "v1/devices/me/rpc/request/42";
    private static final byte[] COMMAND = "{\"method\":\"reboot\"}".getBytes(StandardCharsets.UTF_8);

    private EndpointFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aQos1DownlinkCompletesWhenTheDeviceAcknowledges() throws Exception {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            MqttSession session = fixture.handler.nextConnected();
            CompletableFuture<Void> sent = session.send(RPC, COMMAND, 1).toCompletableFuture();

            MqttPublishMessage publish = (MqttPublishMessage) device.next(MqttMessageType.PUBLISH);
            assertThat(publish.variableHeader().topicName()).isEqualTo(RPC);
            assertThat(publish.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
            assertThat(ByteBufUtil.getBytes(publish.content())).isEqualTo(COMMAND);
            device.ping();
            device.next(MqttMessageType.PINGRESP);
            assertThat(sent).isNotDone();

            device.send(MqttMessageBuilders.pubAck()
                    .packetId(publish.variableHeader().packetId())
                    .build());
            sent.get(5, TimeUnit.SECONDS);
        }
        assertThat(fixture.count("cityos.mqtt.downlink", "outcome", "delivered"))
                .isEqualTo(1.0);
    }

    @Test
    void aQos0DownlinkCompletesOnceWritten() throws Exception {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            MqttSession session = fixture.handler.nextConnected();
            session.send(RPC, COMMAND, 0).toCompletableFuture().get(5, TimeUnit.SECONDS);

            MqttPublishMessage publish = (MqttPublishMessage) device.next(MqttMessageType.PUBLISH);
            assertThat(publish.fixedHeader().qosLevel()).isEqualTo(MqttQoS.AT_MOST_ONCE);
        }
    }

    @Test
    void eachPendingDownlinkGetsItsOwnPacketId() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            MqttSession session = fixture.handler.nextConnected();
            session.send(RPC, COMMAND, 1);
            session.send(RPC, COMMAND, 1);

            int first = ((MqttPublishMessage) device.next(MqttMessageType.PUBLISH))
                    .variableHeader()
                    .packetId();
            int second = ((MqttPublishMessage) device.next(MqttMessageType.PUBLISH))
                    .variableHeader()
                    .packetId();
            assertThat(first).isPositive().isNotEqualTo(second);
        }
    }

    @Test
    void aDownlinkToAClosedSessionFails() {
        fixture = EndpointFixture.start();
        MqttSession session;
        try (RawDevice device = fixture.connected("meter-1")) {
            session = fixture.handler.nextConnected();
        }
        assertThat(fixture.handler.nextDisconnected()).isSameAs(session);

        assertThat(session.isOpen()).isFalse();
        assertThatThrownBy(() ->
                        session.send(RPC, COMMAND, 1).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(MqttSessionClosed.class);
    }

    @Test
    void aDownlinkAwaitingPubackFailsWhenTheDeviceDisconnects() {
        fixture = EndpointFixture.start();
        CompletableFuture<Void> sent;
        try (RawDevice device = fixture.connected("meter-1")) {
            sent = fixture.handler.nextConnected().send(RPC, COMMAND, 1).toCompletableFuture();
            device.next(MqttMessageType.PUBLISH);
        }
        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MqttSessionClosed.class);
        assertThat(fixture.count("cityos.mqtt.downlink", "outcome", "failed")).isEqualTo(1.0);
    }

    @Test
    void aDownlinkWithoutPubackTimesOut() {
        fixture = EndpointFixture.start(s -> s.withDownlinkAckTimeout(Duration.ofMillis(200)));
        try (RawDevice device = fixture.connected("meter-1")) {
            CompletableFuture<Void> sent =
                    fixture.handler.nextConnected().send(RPC, COMMAND, 1).toCompletableFuture();
            device.next(MqttMessageType.PUBLISH);

            assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
            assertThat(device.isOpen()).isTrue();
        }
    }

    @Test
    void qos2DownlinksAreRejectedAtOnce() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            MqttSession session = fixture.handler.nextConnected();
            assertThatThrownBy(() -> session.send(RPC, COMMAND, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
