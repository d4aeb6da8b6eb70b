package org.cityos.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cityos.iot.RegistryFixture.CITY;
import static org.cityos.iot.RegistryFixture.EAST;
import static org.cityos.iot.RegistryFixture.EAST_READER;
import static org.cityos.iot.RegistryFixture.IN_EAST;
import static org.cityos.iot.RegistryFixture.IN_SOUTH;
import static org.cityos.iot.RegistryFixture.STEWARD;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cityos.kernel.access.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live feed fed by the real ingest path: filters and scope, coalescing to the newest value per property, and
 * a subscriber that stops reading being cut off while ingest keeps completing (the fixture allows 3 pending
 * devices per subscriber).
 */
class LiveFeedIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static RegistryFixture f;
    static TelemetryIngest ingest;
    static LiveFeed live;

    @BeforeAll
    static void start() {
        f = new RegistryFixture();
        ingest = f.context.getBean(TelemetryIngest.class);
        live = f.context.getBean(LiveFeed.class);
        f.context.getBean(TelemetryJobs.class).ensurePartitions();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** Collects pushes; optionally holds the first push until released, as a client that stopped reading. */
    static final class Recording implements LiveFeed.Sink {
        final LinkedBlockingQueue<LiveChange> changes = new LinkedBlockingQueue<>();
        final List<LiveChange> history = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch release;

        Recording(boolean blocks) {
            release = new CountDownLatch(blocks ? 1 : 0);
        }

        @Override
        public void send(List<LiveChange> batch) throws Exception {
            sending.countDown();
            release.await();
            history.addAll(batch);
            changes.addAll(batch);
        }

        @Override
        public void close(String reason) {
            closed.complete(reason);
        }

        /** Changes for the given device until one satisfies the check, or fails after the wait. */
        LiveChange await(String device, String property, double value) throws InterruptedException {
            long until = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < until) {
                LiveChange c = changes.poll(100, TimeUnit.MILLISECONDS);
                if (c != null && c.device().equals(device) && values(c).getOrDefault(property, Double.NaN) == value) {
                    return c;
                }
            }
            throw new AssertionError("no change " + property + "=" + value + " for " + device);
        }
    }

    static Map<String, Double> values(LiveChange c) {
        return c.readings().stream()
                .filter(r -> r.value() != null)
                .collect(Collectors.toMap(TelemetryReading::property, TelemetryReading::value));
    }

    static Device device(String type, String serial, org.cityos.kernel.GeoPoint at) {
        return f.devices.register(STEWARD, RegistryFixture.draft(type, serial, at, CITY), true);
    }

    static IngestOutcome send(Device d, String json) {
        return ingest.accept(InboundMessage.of(
                        d.id(),
                        d.typeCode(),
                        MessageKind.TELEMETRY,
                        IngestChannel.HTTP,
                        json.getBytes(StandardCharsets.UTF_8),
                        f.clock.instant()))
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    static AutoCloseable subscribe(Actor actor, LiveFeed.Filter filter, Recording sink) {
        return live.subscribe(actor, filter, sink);
    }

    static LiveFeed.Filter any() {
        return new LiveFeed.Filter(null, Set.of(), Set.of());
    }

    @Test
    void eachSubscriberGetsOnlyWhatItsFilterAndScopeAllow() throws Exception {
        Device south = device("noise-monitor", "LF-1", IN_SOUTH);
        Device east = device("noise-monitor", "LF-2", IN_EAST);
        Device eastAir = device("air-micro-station", "LF-3", IN_EAST);
        Recording everything = new Recording(false);
        Recording eastOnly = new Recording(false);
        Recording air = new Recording(false);
        Recording one = new Recording(false);
        Recording scoped = new Recording(false);
        List<AutoCloseable> subscriptions = List.of(
                subscribe(STEWARD, any(), everything),
                subscribe(STEWARD, new LiveFeed.Filter(EAST.value().substring(0, 9), Set.of(), Set.of()), eastOnly),
                subscribe(STEWARD, new LiveFeed.Filter(null, Set.of("air-micro-station"), Set.of()), air),
                subscribe(
                        STEWARD,
                        new LiveFeed.Filter(null, Set.of(), Set.of(south.id().value())),
                        one),
                subscribe(EAST_READER, any(), scoped));

        send(south, "{\"laeq\": 41}");
        send(east, "{\"laeq\": 42}");
        send(eastAir, "{\"pm25\": 43}");
        // The last change reached every subscriber that wants it; then nothing else may have come.
        everything.await(eastAir.id().value(), "pm25", 43);
        eastOnly.await(eastAir.id().value(), "pm25", 43);
        air.await(eastAir.id().value(), "pm25", 43);
        scoped.await(eastAir.id().value(), "pm25", 43);
        one.await(south.id().value(), "laeq", 41);
        // One more tick for stragglers before looking at what else arrived.
        send(south, "{\"laeq\": 51}");
        everything.await(south.id().value(), "laeq", 51);
        one.await(south.id().value(), "laeq", 51);

        assertThat(devicesOf(everything))
                .contains(south.id().value(), east.id().value(), eastAir.id().value());
        assertThat(devicesOf(eastOnly)).doesNotContain(south.id().value());
        assertThat(devicesOf(air)).containsOnly(eastAir.id().value());
        assertThat(devicesOf(one)).containsOnly(south.id().value());
        assertThat(devicesOf(scoped)).doesNotContain(south.id().value());
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
    }

    static Set<String> devicesOf(Recording r) {
        return r.history.stream().map(LiveChange::device).collect(Collectors.toSet());
    }

    @Test
    void changesWaitingForASubscriberAreCoalescedToTheNewestValuePerProperty() throws Exception {
        Device d = device("air-micro-station", "LF-4", IN_SOUTH);
        Device first = device("air-micro-station", "LF-5", IN_SOUTH);
        Recording sink = new Recording(true);
        AutoCloseable s = subscribe(
                STEWARD,
                new LiveFeed.Filter(
                        null, Set.of(), Set.of(d.id().value(), first.id().value())),
                sink);
        // The first push is held by the sink: everything after it waits in the subscriber's map.
        send(first, "{\"pm25\": 1}");
        assertThat(sink.sending.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        send(d, "{\"pm25\": 10, \"pm10\": 20}");
        send(d, "{\"pm25\": 11}");
        send(d, "{\"pm25\": 12, \"temperature\": 3.5}");
        sink.release.countDown();
        LiveChange c = sink.await(d.id().value(), "pm25", 12);
        assertThat(values(c))
                .containsEntry("pm25", 12.0)
                .containsEntry("pm10", 20.0)
                .containsEntry("temperature", 3.5);
        assertThat(c.readings()).extracting(TelemetryReading::property).doesNotHaveDuplicates();
        // One push for the device, holding all three messages.
        assertThat(sink.history)
                .filteredOn(x -> x.device().equals(d.id().value()))
                .hasSize(1);
        s.close();
    }

    @Test
    void aSubscriberThatStopsReadingIsCutOffWhileIngestKeepsCompleting() throws Exception {
        Device watched = device("noise-monitor", "LF-6", IN_SOUTH);
        Recording stuck = new Recording(true);
        Recording healthy = new Recording(false);
        List<Device> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(device("noise-monitor", "LF-M-" + i, IN_SOUTH));
        }
        AutoCloseable a = subscribe(STEWARD, any(), stuck);
        // Watching two devices, it never has more waiting than it may.
        AutoCloseable b = subscribe(
                STEWARD,
                new LiveFeed.Filter(
                        null,
                        Set.of(),
                        Set.of(watched.id().value(), many.get(5).id().value())),
                healthy);
        int before = live.subscribers();
        send(watched, "{\"laeq\": 60}");
        assertThat(stuck.sending.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // More devices change than the stuck subscriber may hold; every message is still stored at once.
        long started = System.nanoTime();
        for (int i = 0; i < many.size(); i++) {
            assertThat(send(many.get(i), "{\"laeq\": " + (70 + i) + "}")).isEqualTo(IngestOutcome.STORED);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);

        assertThat(stuck.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("overflow");
        assertThat(live.subscribers()).isEqualTo(before - 1);
        // The healthy subscriber is unaffected and keeps receiving.
        healthy.await(many.get(5).id().value(), "laeq", 75);
        send(watched, "{\"laeq\": 61}");
        healthy.await(watched.id().value(), "laeq", 61);
        assertThat(healthy.closed).isNotDone();
        stuck.release.countDown();
        a.close();
        b.close();
    }
}
