package org.cityos.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cityos.mqtt.client.MqttClients;
import org.cityos.testkit.FreePorts;
import org.cityos.testkit.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator against real brokers: every offered message acknowledged, recorded and drained. */
class MqttLoadIT {
    @TempDir
    Path dir;

    @Test
    void fiftyDevicesAtQos1ThroughMosquittoLoseNothing() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir.resolve("mosquitto"))) {
            assertNothingLost(broker.port());
        }
    }

    @Test
    void moquetteInItsOwnJvmTakesTheSameLoad() throws Exception {
        try (MoquetteBroker broker = MoquetteBroker.start(dir.resolve("moquette"), FreePorts.next())) {
            assertNothingLost(broker.port());
        }
    }

    private static void assertNothingLost(int port) throws Exception {
        List<DeviceLogin> devices = DeviceLogin.synthetic(50);
        try (MqttClients clients = new MqttClients(2);
                DrainingSubscriber drain = DrainingSubscriber.start(
                        clients, "127.0.0.1", port, "drain", "cityos/devices/+/telemetry", 1)) {
            MqttLoad load = MqttLoad.connect(
                    clients, MqttLoad.Settings.of("127.0.0.1", port).withRecordAcks(true), devices);
            LoadRun run;
            try {
                run = load.run(500, Duration.ofSeconds(1), Duration.ofSeconds(10));
            } finally {
                load.close();
            }

            assertThat(run.offered()).isEqualTo(500);
            assertThat(run.acked()).isEqualTo(500);
            assertThat(run.failed()).isZero();
            AckLedger ledger = load.ledger();
            for (int device = 0; device < devices.size(); device++) {
                for (long seq = 0; seq < 10; seq++) {
                    assertThat(ledger.isAcked(device, seq))
                            .as("device %d seq %d", device, seq)
                            .isTrue();
                }
            }
            assertThat(drain.awaitReceived(500, Duration.ofSeconds(10))).isEqualTo(500);
            DrainingSubscriber.Snapshot snapshot = drain.snapshot();
            assertThat(snapshot.messages()).isEqualTo(500);
            assertThat(snapshot.endToEndMicros().getMinValue()).isPositive();
        }
    }
}
