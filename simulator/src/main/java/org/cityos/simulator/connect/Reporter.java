package org.cityos.simulator.connect;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.cityos.simulator.behaviour.DeviceBehaviour;
import org.cityos.simulator.world.DeviceCatalogue;
import org.cityos.simulator.world.SimDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every device's reports when they fall due on the simulation clock: each device on its type's interval,
 * offset by its phase, carrying the properties due then. A clock that jumps ahead (a test moving time, a sped-up
 * run falling behind) sends at most the latest due report of each device rather than a backlog.
 */
public final class Reporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Reporter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_WAIT_MILLIS = 50;

    private final List<SimDevice> devices;
    private final DeviceBehaviour behaviour;
    private final DeviceCatalogue catalogue;
    private final Clock clock;
    private final double speed;
    private final Function<SimDevice, Transport> route;
    private final PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable lastError;

    /** Counts since start: reports sent, acknowledged by CityOS, failed, and skipped as dropouts. */
    public record Stats(long sent, long acknowledged, long failed, long skipped, String lastError) {}

    /**
     * @param speed simulated seconds per real second, to turn a wait on the simulation clock into a real one
     * @param route the transport each device reports through
     */
    public Reporter(
            List<SimDevice> devices,
            DeviceBehaviour behaviour,
            DeviceCatalogue catalogue,
            Clock clock,
            double speed,
            Function<SimDevice, Transport> route) {
        this.devices = List.copyOf(devices);
        this.behaviour = behaviour;
        this.catalogue = catalogue;
        this.clock = clock;
        this.speed = speed;
        this.route = route;
        long now = clock.instant().getEpochSecond();
        for (int i = 0; i < this.devices.size(); i++) {
            SimDevice d = this.devices.get(i);
            int interval = interval(d);
            long phase = behaviour.phaseSeconds(d, interval);
            // The first t >= now with (t + phase) % interval == 0, the moments reportAt counts from.
            long first = now + Math.floorMod(-(now + phase), interval);
            due.add(new long[] {first, i});
        }
        this.thread = new Thread(this::run, "sim-reporter");
        this.thread.setDaemon(true);
    }

    /**
     * Publishes the counts as {@code cityos.simulator.reports} with an {@code outcome} tag (sent, acknowledged,
     * failed, skipped), for a benchmark or a dashboard beside CityOS's own ingest metrics.
     */
    public Reporter bindTo(MeterRegistry registry) {
        Map.of("sent", sent, "acknowledged", acknowledged, "failed", failed, "skipped", skipped)
                .forEach((outcome, count) -> FunctionCounter.builder(
                                "cityos.simulator.reports", count, AtomicLong::doubleValue)
                        .tag("outcome", outcome)
                        .description("Telemetry reports of simulated devices")
                        .register(registry));
        return this;
    }

    public Reporter start() {
        thread.start();
        return this;
    }

    public Stats stats() {
        Throwable e = lastError;
        return new Stats(sent.get(), acknowledged.get(), failed.get(), skipped.get(), e == null ? null : e.toString());
    }

    private int interval(SimDevice d) {
        return catalogue.require(d.type()).reportingIntervalSeconds();
    }

    private void run() {
        try {
            while (running) {
                long[] next = due.peek();
                if (next == null) {
                    return;
                }
                Instant now = clock.instant();
                long wait = next[0] - now.getEpochSecond();
                if (wait > 0) {
                    Thread.sleep(Math.min(MAX_WAIT_MILLIS, (long) Math.ceil(wait * 1000 / speed)));
                    continue;
                }
                due.poll();
                SimDevice d = devices.get((int) next[1]);
                int interval = interval(d);
                long at = next[0];
                long behind = now.getEpochSecond() - at;
                if (behind >= interval) {
                    at += (behind / interval) * interval; // skip the backlog, keep the phase
                }
                report(d, Instant.ofEpochSecond(at));
                due.add(new long[] {at + interval, next[1]});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void report(SimDevice d, Instant at) {
        if (!behaviour.reports(d, at)) {
            skipped.incrementAndGet();
            return;
        }
        Map<String, Object> values = behaviour.reportAt(d, at);
        byte[] json = JSON.writeValueAsBytes(values);
        sent.incrementAndGet();
        try {
            route.apply(d).send(d, json).whenComplete((ok, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    lastError = error;
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            lastError = e;
            log.debug("report of {} failed", d.serial(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        thread.interrupt();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
