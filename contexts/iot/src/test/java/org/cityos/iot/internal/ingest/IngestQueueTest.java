package org.cityos.iot.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.DeviceId;
import org.cityos.iot.InboundMessage;
import org.cityos.iot.IngestChannel;
import org.cityos.iot.IngestOutcome;
import org.cityos.iot.IngestOverloaded;
import org.cityos.iot.IngestUnavailable;
import org.cityos.iot.MessageKind;
import org.junit.jupiter.api.Test;

/** The default inbound log: group commit, bounded memory, failures never acknowledged. */
class IngestQueueTest {
    static final DeviceId DEVICE = DeviceId.random();

    static InboundMessage message(int i) {
        return InboundMessage.of(
                DEVICE,
                "rain-gauge",
                MessageKind.TELEMETRY,
                IngestChannel.MQTT,
                ("{\"precipitation\": " + i + "}").getBytes(),
                Instant.EPOCH);
    }

    @Test
    void whatGathersWhileAWriterIsBusyIsStoredAsOneBatch() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        IngestQueue<Void> queue = IngestQueue.plain(
                batch -> {
                    batchSizes.add(batch.size());
                    firstBatchEntered.countDown();
                    await(release);
                    return batch.stream().map(m -> IngestOutcome.STORED).toList();
                },
                new IngestMetrics(new SimpleMeterRegistry()),
                1000,
                500,
                1);
        CompletableFuture<IngestOutcome> first = queue.append(message(0));
        assertThat(firstBatchEntered.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<IngestOutcome>> rest = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            rest.add(queue.append(message(i)));
        }
        assertThat(first).isNotDone();
        assertThat(rest).noneMatch(CompletableFuture::isDone);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        for (CompletableFuture<IngestOutcome> f : rest) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        }
        assertThat(batchSizes).containsExactly(1, 100);
        queue.close();
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch storing = new CountDownLatch(1);
        IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
        IngestQueue<Void> queue = IngestQueue.plain(
                batch -> {
                    storing.countDown();
                    await(release);
                    return batch.stream().map(m -> IngestOutcome.STORED).toList();
                },
                metrics,
                10,
                10,
                1);
        List<CompletableFuture<IngestOutcome>> accepted = new ArrayList<>();
        accepted.add(queue.append(message(0)));
        // Let the writer take the first message and block in the store (an empty queue alone is not
        // enough: the writer may still be about to drain more into its batch), then fill the queue.
        assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 10; i++) {
            accepted.add(queue.append(message(i)));
        }
        CompletableFuture<IngestOutcome> refused = queue.append(message(11));
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((o, e) -> e).get()).isInstanceOf(IngestOverloaded.class);
        assertThat(metrics.refusedCount("MQTT", "overload")).isEqualTo(1);
        release.countDown();
        for (CompletableFuture<IngestOutcome> f : accepted) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        }
        queue.close();
    }

    @Test
    void stagesPrepareOnTheReceivingThreadLookOnceQueuedAndStoreThePreparedForms() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> prepared = Collections.synchronizedList(new ArrayList<>());
        List<String> looked = Collections.synchronizedList(new ArrayList<>());
        List<List<String>> stored = Collections.synchronizedList(new ArrayList<>());
        IngestQueue.Stages<String> stages = new IngestQueue.Stages<>() {
            @Override
            public String prepare(InboundMessage message) {
                String p = new String(message.payload()) + " on "
                        + Thread.currentThread().getName();
                prepared.add(p);
                return p;
            }

            @Override
            public void queued(String p) {
                looked.add(p);
            }

            @Override
            public List<IngestOutcome> store(List<InboundMessage> batch, List<String> forms) {
                storing.countDown();
                await(release);
                stored.add(List.copyOf(forms));
                return batch.stream().map(m -> IngestOutcome.STORED).toList();
            }
        };
        // Room for two: the first goes to the writer, the second and third wait, the fourth is refused.
        IngestQueue<String> queue = new IngestQueue<>(stages, new IngestMetrics(new SimpleMeterRegistry()), 2, 10, 1);
        String me = Thread.currentThread().getName();
        CompletableFuture<IngestOutcome> first = queue.append(message(0));
        assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(looked)
                .as("seen while its batch is still being stored")
                .containsExactly("{\"precipitation\": 0} on " + me);
        CompletableFuture<IngestOutcome> second = queue.append(message(1));
        CompletableFuture<IngestOutcome> third = queue.append(message(2));
        CompletableFuture<IngestOutcome> refused = queue.append(message(3));
        assertThat(refused).isCompletedExceptionally();
        assertThat(prepared)
                .as("a message refused for a full queue is not prepared")
                .hasSize(3);
        assertThat(looked).hasSize(3);
        release.countDown();
        for (CompletableFuture<IngestOutcome> f : List.of(first, second, third)) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        }
        queue.close();
        assertThat(stored.stream().flatMap(List::stream).toList())
                .as("the writer stored the prepared forms, in order")
                .isEqualTo(prepared);
    }

    @Test
    void aMessageThatFailsToBePreparedFailsAloneAndIsNeitherQueuedNorLookedAt() throws Exception {
        List<String> looked = Collections.synchronizedList(new ArrayList<>());
        IngestQueue<String> queue = new IngestQueue<>(
                new IngestQueue.Stages<>() {
                    @Override
                    public String prepare(InboundMessage message) {
                        String text = new String(message.payload());
                        if (text.contains("13")) {
                            throw new IllegalStateException("decoder fault");
                        }
                        return text;
                    }

                    @Override
                    public void queued(String p) {
                        looked.add(p);
                    }

                    @Override
                    public List<IngestOutcome> store(List<InboundMessage> batch, List<String> forms) {
                        return batch.stream().map(m -> IngestOutcome.STORED).toList();
                    }
                },
                new IngestMetrics(new SimpleMeterRegistry()),
                100,
                100,
                1);
        CompletableFuture<IngestOutcome> bad = queue.append(message(13));
        assertThat(bad.handle((o, e) -> e).get(5, TimeUnit.SECONDS)).isInstanceOf(IngestUnavailable.class);
        assertThat(queue.append(message(14)).get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        assertThat(looked).containsExactly("{\"precipitation\": 14}");
        queue.close();
    }

    @Test
    void aMessageOvertakenWhileBeingPreparedIsRefusedNeitherLookedAtNorStored() throws Exception {
        // Capacity 1 and no writer: the queue holds one message. While the first message is being prepared (the
        // room was there when it arrived), another receiving thread's message takes the last place.
        List<String> looked = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<IngestOutcome>> overtaker = new ArrayList<>();
        IngestQueue<?>[] self = new IngestQueue<?>[1];
        IngestQueue<String> queue = new IngestQueue<>(
                new IngestQueue.Stages<String>() {
                    @Override
                    public String prepare(InboundMessage message) {
                        String body = new String(message.payload());
                        if (body.contains(": 0}") && overtaker.isEmpty()) {
                            overtaker.add(self[0].append(message(1)));
                        }
                        return body;
                    }

                    @Override
                    public void queued(String prepared) {
                        looked.add(prepared);
                    }

                    @Override
                    public List<IngestOutcome> store(List<InboundMessage> batch, List<String> prepared) {
                        throw new AssertionError("no writer runs in this test");
                    }
                },
                new IngestMetrics(new SimpleMeterRegistry()),
                1,
                10,
                0);
        self[0] = queue;

        CompletableFuture<IngestOutcome> first = queue.append(message(0));

        assertThat(first).isCompletedExceptionally();
        assertThatThrownBy(first::join).hasCauseInstanceOf(IngestOverloaded.class);
        assertThat(overtaker.get(0)).isNotDone(); // queued, waiting for a writer
        assertThat(looked).containsExactly("{\"precipitation\": 1}");
        assertThat(queue.backlog()).isEqualTo(1);
        queue.close();
    }

    @Test
    void aFailedBatchFailsItsMessagesAndTheNextBatchStillRuns() throws Exception {
        List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        IngestQueue<Void> queue = IngestQueue.plain(
                batch -> {
                    calls.add(batch.size());
                    if (calls.size() == 1) {
                        throw new IllegalStateException("database down");
                    }
                    return batch.stream().map(m -> IngestOutcome.STORED).toList();
                },
                new IngestMetrics(new SimpleMeterRegistry()),
                100,
                100,
                1);
        CompletableFuture<IngestOutcome> failed = queue.append(message(1));
        assertThat(failed.handle((o, e) -> e instanceof CompletionException c ? c.getCause() : e)
                        .get(5, TimeUnit.SECONDS))
                .isInstanceOf(IngestUnavailable.class);
        assertThat(queue.append(message(2)).get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        queue.close();
    }

    @Test
    void theWaitOfEachBatchsOldestMessageIsMeasured() throws Exception {
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestQueue<Void> queue = IngestQueue.plain(
                batch -> {
                    storing.countDown();
                    await(release);
                    return batch.stream().map(m -> IngestOutcome.STORED).toList();
                },
                new IngestMetrics(registry),
                100,
                100,
                1);
        CompletableFuture<IngestOutcome> first = queue.append(message(0));
        assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();
        // Queued while the only writer is busy: it waits at least from its append until the writer is let go.
        CompletableFuture<IngestOutcome> second = queue.append(message(1));
        long appended = System.nanoTime();
        CompletableFuture<IngestOutcome> third = queue.append(message(2));
        assertThat(storing.await(5, TimeUnit.SECONDS)).isTrue();
        long released = System.nanoTime();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(IngestOutcome.STORED);
        queue.close();
        io.micrometer.core.instrument.Timer wait =
                registry.get("cityos.ingest.queue.wait").timer();
        assertThat(wait.count()).as("one wait per batch, not per message").isEqualTo(2);
        assertThat(wait.max(TimeUnit.NANOSECONDS)).isGreaterThanOrEqualTo((double) (released - appended));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
