package org.cityos.mqtt.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CONNECT step of one connection: its deadline, authentication, takeover of an older connection, keep-alive. */
final class Connect {
    private static final Logger log = LoggerFactory.getLogger(Connect.class);
    private static final byte[] NO_PASSWORD = new byte[0];

    private final EndpointContext endpoint;
    private final DeviceConnection connection;
    private ScheduledFuture<?> deadline;

    Connect(EndpointContext endpoint, DeviceConnection connection) {
        this.endpoint = endpoint;
        this.connection = connection;
    }

    void startTimer(ChannelHandlerContext ctx) {
        deadline = ctx.executor()
                .schedule(
                        () -> {
                            endpoint.metrics().connectRefusedTimeout.increment();
                            connection.closeConnection(
                                    "no CONNECT within " + endpoint.settings().connectTimeout());
                        },
                        endpoint.settings().connectTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    void cancelTimer() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    void accept(ChannelHandlerContext ctx, MqttConnectMessage message) {
        cancelTimer();
        MqttConnectVariableHeader header = message.variableHeader();
        MqttConnectPayload payload = message.payload();
        String clientId = payload.clientIdentifier();
        if (clientId == null || clientId.isEmpty()) {
            if (!header.isCleanSession()) {
                // 3.1.1 §3.1.3-8: an empty id only comes with a clean session
                endpoint.metrics().connectRefusedIdentifier.increment();
                connection.refuseConnect(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
                return;
            }
            clientId = "auto-" + ctx.channel().id().asLongText();
        }
        String username = header.hasUserName() && payload.userName() != null ? payload.userName() : "";
        byte[] password =
                header.hasPassword() && payload.passwordInBytes() != null ? payload.passwordInBytes() : NO_PASSWORD;
        Optional<Object> principal;
        try {
            principal = endpoint.handler().authenticate(clientId, username, password);
        } catch (RuntimeException e) {
            log.warn("authenticating MQTT client {} failed", clientId, e);
            endpoint.metrics().connectRefusedError.increment();
            connection.refuseConnect(MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (principal == null || principal.isEmpty()) {
            endpoint.metrics().connectRefusedCredentials.increment();
            connection.refuseConnect(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
            return;
        }
        connection.accepted(clientId, username, principal.get());
        DeviceConnection replaced = endpoint.clients().register(clientId, connection);
        if (replaced != null) {
            log.info("MQTT client {} connected again; closing its previous connection", clientId);
            replaced.close();
        }
        int keepAliveSeconds = header.keepAliveTimeSeconds();
        if (keepAliveSeconds > 0) {
            // 3.1.1 §3.1.2.10: one and a half keep-alive periods without a packet end the connection
            ctx.pipeline()
                    .addFirst("keepAlive", new IdleStateHandler(keepAliveSeconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        ctx.writeAndFlush(Replies.connAck(MqttConnectReturnCode.CONNECTION_ACCEPTED));
        try {
            endpoint.handler().connected(connection);
        } catch (RuntimeException e) {
            log.warn("connected handling failed for {}; closing", clientId, e);
            connection.closeConnection("connected handling failed");
        }
    }
}
