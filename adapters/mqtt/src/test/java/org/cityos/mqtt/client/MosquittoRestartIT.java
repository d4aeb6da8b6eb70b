package org.cityos.mqtt.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cityos.testkit.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness restarts Mosquitto on the same port and directory, and a persistent session survives it. */
class MosquittoRestartIT {
    @TempDir
    Path dir;

    @Test
    void messageQueuedForAnOfflineSessionSurvivesABrokerRestart() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir);
                MqttClients clients = new MqttClients(1)) {
            MqttClientOptions session = MqttClientOptions.of(broker.host(), broker.port(), "consumer")
                    .withCleanSession(false);
            MqttClient consumer = get(clients.connect(session));
            get(consumer.subscribe(List.of("restart/#"), 1));
            get(consumer.disconnect());
            MqttClient publisher = get(clients.connect(MqttClientOptions.of(broker.host(), broker.port(), "pub")));
            get(publisher.publish("restart/1", "kept".getBytes(UTF_8), 1));
            get(publisher.disconnect());
            int port = broker.port();

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(broker.port()).isEqualTo(port);
            MqttClient resumed = get(clients.connect(session));
            BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            resumed.onMessage((topic, payload, qos, ack) -> {
                inbox.add(new String(payload, UTF_8));
                ack.done();
            });
            assertThat(inbox.poll(10, TimeUnit.SECONDS)).isEqualTo("kept");
            get(resumed.disconnect());
        }
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
