package org.cityos.mqtt.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How one client connects. Build with {@link #of} and the {@code with…} methods.
 *
 * @param host broker host name or address
 * @param port broker port
 * @param clientId MQTT client identifier; with {@code cleanSession=false} the broker keeps its session under it
 * @param username user name, or null for none
 * @param password password bytes, or null for none (MQTT 3.1.1 allows a password only with a user name)
 * @param cleanSession false keeps subscriptions and unacknowledged messages across connections
 * @param keepAlive keep-alive interval announced to the broker; PINGREQ is sent after this much write silence
 * @param connectTimeout how long TCP connect plus CONNACK may take
 * @param maxInFlight QoS 1 publishes awaiting PUBACK at once; further publishes wait in the client
 * @param maxMessageBytes largest inbound packet accepted
 */
public record MqttClientOptions(
        String host,
        int port,
        String clientId,
        String username,
        byte[] password,
        boolean cleanSession,
        Duration keepAlive,
        Duration connectTimeout,
        int maxInFlight,
        int maxMessageBytes) {

    public MqttClientOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("MQTT 3.1.1 allows a password only together with a user name");
        }
        if (keepAlive.isNegative() || keepAlive.toSeconds() > 65_535) {
            throw new IllegalArgumentException("keepAlive must be 0..65535 s: " + keepAlive);
        }
        if (maxInFlight < 1 || maxInFlight > 65_535) {
            throw new IllegalArgumentException("maxInFlight must be 1..65535: " + maxInFlight);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes below 1 KiB: " + maxMessageBytes);
        }
        password = password == null ? null : password.clone();
    }

    /** Anonymous, clean session, 60 s keep-alive, 10 s connect timeout, 100 in flight, 1 MiB messages. */
    public static MqttClientOptions of(String host, int port, String clientId) {
        return new MqttClientOptions(
                host, port, clientId, null, null, true, Duration.ofSeconds(60), Duration.ofSeconds(10), 100, 1 << 20);
    }

    public MqttClientOptions withCredentials(String user, byte[] secret) {
        return new MqttClientOptions(
                host,
                port,
                clientId,
                user,
                secret,
                cleanSession,
                keepAlive,
                connectTimeout,
                maxInFlight,
                maxMessageBytes);
    }

    public MqttClientOptions withCleanSession(boolean clean) {
        return new MqttClientOptions(
                host,
                port,
                clientId,
                username,
                password,
                clean,
                keepAlive,
                connectTimeout,
                maxInFlight,
                maxMessageBytes);
    }

    public MqttClientOptions withKeepAlive(Duration interval) {
        return new MqttClientOptions(
                host,
                port,
                clientId,
                username,
                password,
                cleanSession,
                interval,
                connectTimeout,
                maxInFlight,
                maxMessageBytes);
    }

    public MqttClientOptions withConnectTimeout(Duration timeout) {
        return new MqttClientOptions(
                host,
                port,
                clientId,
                username,
                password,
                cleanSession,
                keepAlive,
                timeout,
                maxInFlight,
                maxMessageBytes);
    }

    public MqttClientOptions withMaxInFlight(int max) {
        return new MqttClientOptions(
                host,
                port,
                clientId,
                username,
                password,
                cleanSession,
                keepAlive,
                connectTimeout,
                max,
                maxMessageBytes);
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    /** Never shows the password, so options can be logged. */
    @Override
    public String toString() {
        return "MqttClientOptions[" + host + ":" + port + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", cleanSession=" + cleanSession
                + ", keepAlive=" + keepAlive + ", maxInFlight=" + maxInFlight + "]";
    }
}
