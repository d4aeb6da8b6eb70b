package org.cityos.mqtt.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cityos.testkit.Mosquitto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against Debian's real Mosquitto: QoS 1 both ways, manual acks, persistent sessions, shared subscriptions. */
class MosquittoClientIT {
    private static final int WAIT = 10;

    record Received(String topic, String payload, int qos, Ack ack) {}

    @TempDir
    static Path dir;

    static Mosquitto broker;
    static MqttClients clients;

    @BeforeAll
    static void start() {
        broker = Mosquitto.start(dir.resolve("broker"));
        clients = new MqttClients(2);
    }

    @AfterAll
    static void stop() {
        clients.close();
        broker.stop();
    }

    @Test
    void publishesAtQos1AndReceivesWhatItSubscribedTo() throws Exception {
        MqttClient subscriber = connect(options("round-trip-sub"));
        BlockingQueue<Received> inbox = inbox(subscriber);
        assertThat(get(subscriber.subscribe(List.of("rt/+/telemetry"), 1))).containsExactly(1);
        MqttClient publisher = connect(options("round-trip-pub"));

        get(publisher.publish("rt/d1/telemetry", "{\"t\":21.5}".getBytes(UTF_8), 1));
        get(publisher.publish("rt/d2/other", "ignored".getBytes(UTF_8), 1));
        get(publisher.publish("rt/d2/telemetry", "{\"t\":7}".getBytes(UTF_8), 0));

        Received first = take(inbox);
        Received second = take(inbox);
        assertThat(first.topic()).isEqualTo("rt/d1/telemetry");
        assertThat(first.payload()).isEqualTo("{\"t\":21.5}");
        assertThat(first.qos()).isEqualTo(1);
        assertThat(second.topic()).isEqualTo("rt/d2/telemetry");
        assertThat(second.qos()).isZero();
        assertThat(inbox.poll(200, TimeUnit.MILLISECONDS)).isNull();
        get(subscriber.disconnect());
        get(publisher.disconnect());
        assertThat(subscriber.isConnected()).isFalse();
    }

    @Test
    void unacknowledgedMessageIsRedeliveredToTheResumedSessionAndAcknowledgedOneIsNot() throws Exception {
        MqttClientOptions persistent = options("manual-ack").withCleanSession(false);
        MqttClient consumer = connect(persistent);
        BlockingQueue<Received> inbox = inbox(consumer);
        get(consumer.subscribe(List.of("ack/#"), 1));
        MqttClient publisher = connect(options("manual-ack-pub"));

        get(publisher.publish("ack/1", "first".getBytes(UTF_8), 1));
        assertThat(take(inbox).payload()).isEqualTo("first");
        consumer.kill(); // crashed before committing: no PUBACK was sent

        MqttClient resumed = connect(persistent);
        BlockingQueue<Received> again = inbox(resumed);
        Received redelivered = take(again);
        assertThat(redelivered.payload()).isEqualTo("first");
        redelivered.ack().done();
        get(resumed.disconnect());

        get(publisher.publish("ack/2", "second".getBytes(UTF_8), 1));
        MqttClient third = connect(persistent);
        BlockingQueue<Received> last = inbox(third);
        Received next = take(last);
        assertThat(next.payload()).isEqualTo("second");
        next.ack().done();
        assertThat(last.poll(300, TimeUnit.MILLISECONDS)).isNull();
        get(third.disconnect());
        get(publisher.disconnect());
    }

    @Test
    void sharedSubscriptionGivesEachMessageToExactlyOneMember() throws Exception {
        MqttClient a = connect(options("share-a"));
        MqttClient b = connect(options("share-b"));
        BlockingQueue<Received> inboxA = inbox(a);
        BlockingQueue<Received> inboxB = inbox(b);
        get(a.subscribe(List.of("$share/g/share/#"), 1));
        get(b.subscribe(List.of("$share/g/share/#"), 1));
        MqttClient publisher = connect(options("share-pub"));
        int messages = 200;
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            sent.add(publisher
                    .publish("share/d" + (i % 7), ("m" + i).getBytes(UTF_8), 1)
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(WAIT, TimeUnit.SECONDS);

        List<String> toA = new ArrayList<>();
        List<String> toB = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (toA.size() + toB.size() < messages && System.nanoTime() < deadline) {
            drainAndAck(inboxA, toA);
            drainAndAck(inboxB, toB);
        }
        assertThat(toA).isNotEmpty();
        assertThat(toB).isNotEmpty();
        Set<String> all = new HashSet<>(toA);
        all.addAll(toB);
        assertThat(toA.size() + toB.size()).isEqualTo(messages);
        assertThat(all).hasSize(messages);
        for (MqttClient c : List.of(a, b, publisher)) {
            get(c.disconnect());
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheConnAckReturnCode() throws Exception {
        try (Mosquitto secured = Mosquitto.start(
                dir.resolve("secured"), Mosquitto.Options.defaults().withUsers(Map.of("device-1", "s3cret")))) {
            MqttClientOptions base = MqttClientOptions.of(secured.host(), secured.port(), "device-1");

            assertThatThrownBy(() -> get(clients.connect(base.withCredentials("device-1", "wrong".getBytes(UTF_8)))))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            ConnectionRefused.class,
                            refused -> assertThat(refused.returnCode())
                                    .as("4 bad user name or password, 5 not authorised")
                                    .isIn(4, 5));
            assertThatThrownBy(() -> get(clients.connect(base))).cause().isInstanceOf(ConnectionRefused.class);
            MqttClient accepted = get(clients.connect(base.withCredentials("device-1", "s3cret".getBytes(UTF_8))));
            assertThat(accepted.isConnected()).isTrue();
            get(accepted.disconnect());
        }
    }

    @Test
    void keepAlivePingsHoldAnIdleConnectionOpenAndBrokerLossIsReported() throws Exception {
        try (Mosquitto own = Mosquitto.start(dir.resolve("keepalive"))) {
            MqttClient idle = get(clients.connect(
                    MqttClientOptions.of(own.host(), own.port(), "idle").withKeepAlive(Duration.ofSeconds(1))));
            CountDownLatch lost = new CountDownLatch(1);
            idle.onConnectionLost(cause -> lost.countDown());

            // Mosquitto drops a client silent for 1.5 × keep-alive; only PINGREQs keep this one.
            assertThat(lost.await(3500, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(idle.isConnected()).isTrue();

            own.kill();
            assertThat(lost.await(WAIT, TimeUnit.SECONDS)).isTrue();
            assertThat(idle.isConnected()).isFalse();
            assertThatThrownBy(() -> get(idle.publish("x", new byte[1], 1)))
                    .cause()
                    .isInstanceOf(ConnectionLost.class);
        }
    }

    private static void drainAndAck(BlockingQueue<Received> inbox, List<String> into) throws InterruptedException {
        Received r = inbox.poll(10, TimeUnit.MILLISECONDS);
        while (r != null) {
            into.add(r.payload());
            r.ack().done();
            r = inbox.poll();
        }
    }

    static MqttClientOptions options(String clientId) {
        return MqttClientOptions.of(broker.host(), broker.port(), clientId);
    }

    static MqttClient connect(MqttClientOptions options) throws Exception {
        return get(clients.connect(options));
    }

    static BlockingQueue<Received> inbox(MqttClient client) {
        BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        client.onMessage(
                (topic, payload, qos, ack) -> inbox.add(new Received(topic, new String(payload, UTF_8), qos, ack)));
        return inbox;
    }

    static Received take(BlockingQueue<Received> inbox) throws InterruptedException {
        Received r = inbox.poll(WAIT, TimeUnit.SECONDS);
        assertThat(r).as("a message within " + WAIT + " s").isNotNull();
        return r;
    }

    static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }
}
