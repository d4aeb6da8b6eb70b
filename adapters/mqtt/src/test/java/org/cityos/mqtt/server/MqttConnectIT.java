package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cityos.mqtt.MqttEndpoint;
import org.cityos.mqtt.MqttEndpointSettings;
import org.cityos.mqtt.MqttPortTaken;
import org.cityos.mqtt.MqttSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MqttConnectIT {
    private EndpointFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aDeviceWithAGoodTokenIsAcceptedAndKnownToTheApplication() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            assertThat(device.connect("meter-1", ScriptedHandler.TOKEN, 0)
                            .variableHeader()
                            .connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);

            MqttSession session = fixture.handler.nextConnected();
            assertThat(session.clientId()).isEqualTo("meter-1");
            assertThat(session.username()).isEqualTo(ScriptedHandler.TOKEN);
            assertThat(session.principal()).isEqualTo("device:meter-1");
            assertThat(session.remoteAddress()).startsWith("127.0.0.1:");
            assertThat(session.isOpen()).isTrue();
            assertThat(fixture.endpoint.connections()).isEqualTo(1);
            assertThat(fixture.gauge("cityos.mqtt.connections")).isEqualTo(1.0);
        }
    }

    @Test
    void aWrongTokenIsRefusedAsNotAuthorizedAndTheConnectionClosed() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            assertThat(device.connect("meter-1", "cod_stolen", 0)
                            .variableHeader()
                            .connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.handler.connected).isEmpty();
        assertThat(fixture.count("cityos.mqtt.connect.refused", "reason", "credentials"))
                .isEqualTo(1.0);
        assertThat(fixture.endpoint.connections()).isZero();
    }

    @Test
    void mqtt31DevicesAreAcceptedToo() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            assertThat(device.connect(MqttVersion.MQTT_3_1, "old-meter", ScriptedHandler.TOKEN, 0)
                            .variableHeader()
                            .connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
        }
    }

    @Test
    void aConnectionThatSendsNoConnectIsClosedAfterTheConnectTimeout() {
        fixture = EndpointFixture.start(s -> s.withConnectTimeout(Duration.ofMillis(200)));
        try (RawDevice device = fixture.open()) {
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.count("cityos.mqtt.connect.refused", "reason", "timeout"))
                .isEqualTo(1.0);
    }

    @Test
    void anyPacketBeforeConnectClosesTheConnection() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            device.ping();
            assertThat(device.awaitClosed()).isTrue();
            assertThat(device.pending()).isZero();
        }
    }

    @Test
    void aSecondConnectIsAProtocolViolation() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.send(connectPacket("meter-1"));
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.count("cityos.mqtt.refused", "reason", "malformed")).isEqualTo(1.0);
    }

    @Test
    void theSameClientIdConnectingAgainClosesTheOldConnection() {
        fixture = EndpointFixture.start();
        try (RawDevice first = fixture.connected("meter-1");
                RawDevice second = fixture.connected("meter-1")) {
            assertThat(first.awaitClosed()).isTrue();
            MqttSession firstSession = fixture.handler.nextConnected();
            assertThat(fixture.handler.nextDisconnected()).isSameAs(firstSession);

            second.ping();
            second.next(MqttMessageType.PINGRESP);
            assertThat(fixture.endpoint.connections()).isEqualTo(1);
        }
    }

    @Test
    void pingIsAnsweredAndDisconnectEndsTheSession() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.connected("meter-1")) {
            device.ping();
            device.next(MqttMessageType.PINGRESP);

            device.send(new MqttMessage(Replies.header(MqttMessageType.DISCONNECT)));
            assertThat(device.awaitClosed()).isTrue();
            MqttSession session = fixture.handler.nextDisconnected();
            assertThat(session.clientId()).isEqualTo("meter-1");
            assertThat(session.isOpen()).isFalse();
        }
    }

    @Test
    void silenceForOneAndAHalfKeepAlivePeriodsClosesTheConnection() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            long start = System.nanoTime();
            device.connect("meter-1", ScriptedHandler.TOKEN, 1);
            assertThat(device.awaitClosed()).isTrue();
            // closed by the 1.5 s rule, not earlier
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
    }

    @Test
    void portZeroBindsAFreePort() {
        fixture = EndpointFixture.start();
        assertThat(fixture.endpoint.port()).isPositive().isNotEqualTo(1883);
    }

    @Test
    void aTakenPortFailsFastWithAClearMessage() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = squatter.getLocalPort();
            MqttEndpointSettings settings = MqttEndpointSettings.defaults()
                    .withHost("127.0.0.1")
                    .withPort(port)
                    .withIoThreads(1);
            assertThatThrownBy(() -> MqttEndpoint.start(settings, new ScriptedHandler(), new SimpleMeterRegistry()))
                    .isInstanceOf(MqttPortTaken.class)
                    .hasMessage("MQTT port " + port
                            + " on 127.0.0.1 is already in use; set cityos.mqtt.port or stop the other process");
        }
    }

    @Test
    void anUnknownProtocolIsRefusedWithItsConnackCode() {
        fixture = EndpointFixture.start();
        try (RawDevice device = fixture.open()) {
            // CONNECT whose protocol name is neither MQTT nor MQIsdp
            byte[] name = "HTTP".getBytes(StandardCharsets.US_ASCII);
            device.sendRaw(Unpooled.wrappedBuffer(new byte[] {0x10, 12, 0, 4}, name, new byte[] {4, 2, 0, 0, 0, 0}));
            assertThat(((MqttConnAckMessage) device.next(MqttMessageType.CONNACK))
                            .variableHeader()
                            .connectReturnCode())
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
            assertThat(device.awaitClosed()).isTrue();
        }
        assertThat(fixture.count("cityos.mqtt.connect.refused", "reason", "protocol"))
                .isEqualTo(1.0);
    }

    private static io.netty.handler.codec.mqtt.MqttConnectMessage connectPacket(String clientId) {
        return io.netty.handler.codec.mqtt.MqttMessageBuilders.connect()
                .protocolVersion(MqttVersion.MQTT_3_1_1)
                .clientId(clientId)
                .cleanSession(true)
                .hasUser(true)
                .username(ScriptedHandler.TOKEN)
                .build();
    }
}
