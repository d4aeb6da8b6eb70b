package org.cityos.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cityos.testkit.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@link MqttClients} with two event loop threads carries a thousand broker connections. */
class ThousandConnectionsIT {
    @TempDir
    Path dir;

    @Test
    void aThousandConnectionsPublishAtQos1OnTwoThreads() throws Exception {
        int connections = 1000;
        try (Mosquitto broker = Mosquitto.start(dir);
                MqttClients clients = new MqttClients(2)) {
            List<CompletableFuture<MqttClient>> connecting = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                connecting.add(clients.connect(MqttClientOptions.of(broker.host(), broker.port(), "device-" + i))
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            assertThat(clients.openConnections()).isEqualTo(connections);

            List<CompletableFuture<Void>> acked = new ArrayList<>();
            for (CompletableFuture<MqttClient> c : connecting) {
                MqttClient client = c.join();
                acked.add(client.publish(
                                "cityos/devices/" + client.clientId() + "/telemetry",
                                "{\"v\":1}".getBytes(StandardCharsets.UTF_8),
                                1)
                        .toCompletableFuture());
            }
            CompletableFuture.allOf(acked.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            long loopThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mqtt-client"))
                    .count();
            assertThat(loopThreads).isBetween(1L, 2L);
            assertThat(acked).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        }
    }
}
