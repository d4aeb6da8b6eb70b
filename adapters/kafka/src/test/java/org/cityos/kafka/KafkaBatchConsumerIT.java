package org.cityos.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaBatchConsumerIT extends BrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void twoMembersOfOneGroupSplitThePartitionsAndTogetherSeeEveryRecordOnce() throws Exception {
        log.ensureTopic("test.shared", 4);
        Collected first = new Collected();
        Collected second = new Collected();
        RunningConsumer a = consumers.start("test.shared", "telemetry", first);
        RunningConsumer b = consumers.start("test.shared", "telemetry", second);
        await().atMost(WAIT)
                .until(() -> a.assignment().size() + b.assignment().size() == 4
                        && !a.assignment().isEmpty()
                        && !b.assignment().isEmpty());
        Set<TopicPartition> overlap = new HashSet<>(a.assignment());
        overlap.retainAll(b.assignment());
        assertThat(overlap).isEmpty();

        appendAll("test.shared", 400);

        await().atMost(WAIT).until(() -> first.count() + second.count() == 400);
        List<String> all = new ArrayList<>(first.values());
        all.addAll(second.values());
        assertThat(new HashSet<>(all)).hasSize(400);
        assertThat(first.count()).isPositive();
        assertThat(second.count()).isPositive();
        assertThat(first.records())
                .allMatch(r -> a.assignment().contains(new TopicPartition(r.topic(), r.partition())));

        await().atMost(WAIT).until(() -> committedTotal("telemetry") == 400);
        assertThat(meters.get("cityos.kafka.consumer.records")
                        .tag("group", "telemetry")
                        .counter()
                        .count())
                .isEqualTo(400);
        await().atMost(WAIT)
                .until(() -> meters.find("cityos.kafka.consumer.lag").gauges().stream()
                        .allMatch(g -> g.value() == 0));
    }

    @Test
    void aFailedBatchIsHandedOverAgainAndItsOffsetsAreNotCommittedUntilItSucceeds() throws Exception {
        log.ensureTopic("test.retry", 1);
        appendAll("test.retry", 5);
        AtomicBoolean failing = new AtomicBoolean(true);
        List<List<Long>> attempts = new CopyOnWriteArrayList<>();
        Collected taken = new Collected();
        consumers.start("test.retry", "rollups", batch -> {
            attempts.add(batch.stream().map(KafkaRecord::offset).toList());
            if (failing.get()) {
                throw new IllegalStateException("database unavailable");
            }
            taken.handle(batch);
        });

        await().atMost(WAIT).until(() -> attempts.size() >= 3);
        assertThat(broker.committed("rollups")).isEmpty();
        assertThat(attempts).allSatisfy(offsets -> assertThat(offsets).startsWith(0L));

        failing.set(false);
        await().atMost(WAIT).until(() -> taken.count() == 5);
        assertThat(taken.records()).extracting(KafkaRecord::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
        await().atMost(WAIT).until(() -> committedTotal("rollups") == 5);
        assertThat(meters.get("cityos.kafka.consumer.failures")
                        .tag("group", "rollups")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void recordsAMemberStoppedWithoutCommittingAreReadByTheNextMember() throws Exception {
        log.ensureTopic("test.handover", 2);
        appendAll("test.handover", 20);
        Collected crashed = new Collected();
        RunningConsumer first = consumers.start("test.handover", "store", batch -> {
            crashed.handle(batch);
            // As if the node died between its database write and the commit.
            throw new IllegalStateException("node lost before commit");
        });
        await().atMost(WAIT).until(() -> crashed.count() >= 1);
        first.stop();
        assertThat(first.isRunning()).isFalse();
        assertThat(committedTotal("store")).isZero();

        Collected next = new Collected();
        consumers.start("test.handover", "store", next);
        await().atMost(WAIT).until(() -> next.count() == 20);
        assertThat(new HashSet<>(next.values())).hasSize(20);
        assertThat(next.values()).containsAll(crashed.values());
        await().atMost(WAIT).until(() -> committedTotal("store") == 20);
    }

    @Test
    void stopLetsTheBatchInHandFinishAndCommitsIt() throws Exception {
        log.ensureTopic("test.stop", 1);
        appendAll("test.stop", 3);
        CompletableFuture<Void> entered = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Collected handled = new Collected();
        RunningConsumer member = consumers.start("test.stop", "archive", batch -> {
            entered.complete(null);
            release.get(20, TimeUnit.SECONDS);
            handled.handle(batch);
        });
        entered.get(30, TimeUnit.SECONDS);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(member::stop);
        release.complete(null);
        stopped.get(40, TimeUnit.SECONDS);

        assertThat(handled.count()).isEqualTo(3);
        assertThat(committedTotal("archive")).isEqualTo(3);
    }

    private void appendAll(String topic, int count) throws Exception {
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            appends.add(log.append(topic, "device-" + (i % 37), ("reading-" + i).getBytes(UTF_8)));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private long committedTotal(String group) {
        return broker.committed(group).values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }
}
