package org.cityos.mqtt.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the application stores nothing, the endpoint must stop reading instead of queueing: whatever the devices
 * send beyond the limits stays in their sockets.
 */
class MqttBackPressureIT {
    private static final int MESSAGES = 300;
    // 4 KiB payloads keep the messages decoded from one socket read (at most 64 KiB) to about 16
    private static final byte[] PAYLOAD = new byte[4096];
    private static final int ONE_READ = 16;
    private static final Duration QUIET = Duration.ofMillis(300);

    private EndpointFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aConnectionWithTooManyUnstoredMessagesStopsReadingUntilHalfAreStored() {
        fixture = EndpointFixture.start(s -> s.withMaxInFlight(8, 50_000));
        fixture.handler.holdStores();
        try (RawDevice device = fixture.connected("meter-1")) {
            sendAll(device);

            awaitTrue(() -> fixture.gauge("cityos.mqtt.paused") == 1.0);
            assertStaysAtMost(8 + ONE_READ);
            assertThat(device.poll()).as("no PINGRESP while paused").isNull();

            storeUntil(() -> fixture.count("cityos.mqtt.messages.acked") == MESSAGES);
            assertAllAcknowledged(device);
        }
        assertThat(fixture.gauge("cityos.mqtt.paused")).isZero();
        assertThat(fixture.gauge("cityos.mqtt.inflight")).isZero();
    }

    @Test
    void theEndpointLimitPausesEveryConnectionAndResumesThemAll() {
        fixture = EndpointFixture.start(s -> s.withMaxInFlight(10_000, 16));
        fixture.handler.holdStores();
        try (RawDevice first = fixture.connected("meter-1");
                RawDevice second = fixture.connected("meter-2")) {
            sendAll(first);
            sendAll(second);

            awaitTrue(() -> fixture.gauge("cityos.mqtt.paused") == 2.0);
            assertStaysAtMost(16 + 2 * ONE_READ);

            storeUntil(() -> fixture.count("cityos.mqtt.messages.acked") == 2 * MESSAGES);
            assertAllAcknowledged(first);
            assertAllAcknowledged(second);
        }
        assertThat(fixture.gauge("cityos.mqtt.paused")).isZero();
    }

    private static void sendAll(RawDevice device) {
        for (int i = 1; i <= MESSAGES; i++) {
            device.publish(ScriptedHandler.TELEMETRY, PAYLOAD, 1, i);
        }
        device.ping();
    }

    /** Nothing more reaches the application for a while: the endpoint really stopped reading. */
    private void assertStaysAtMost(int limit) {
        long end = System.nanoTime() + QUIET.toNanos();
        while (System.nanoTime() < end) {
            assertThat(fixture.handler.publishes.get()).isLessThanOrEqualTo(limit);
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(fixture.handler.publishes.get()).isLessThan(MESSAGES);
    }

    /** Plays the application catching up: completes each held message as it arrives. */
    private void storeUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + RawDevice.WAIT.toNanos() * 4;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("all messages stored in time").isLessThan(deadline);
            ScriptedHandler.Stored next = fixture.handler.stored.poll();
            if (next != null) {
                next.done().complete(null);
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static void assertAllAcknowledged(RawDevice device) {
        List<MqttMessageType> types = new ArrayList<>();
        for (int i = 0; i <= MESSAGES; i++) {
            MqttMessage message = device.next();
            types.add(message.fixedHeader().messageType());
        }
        assertThat(types).filteredOn(t -> t == MqttMessageType.PUBACK).hasSize(MESSAGES);
        assertThat(types).containsOnlyOnce(MqttMessageType.PINGRESP);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + RawDevice.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
