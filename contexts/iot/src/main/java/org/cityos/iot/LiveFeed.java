package org.cityos.iot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cityos.iot.internal.ingest.DeviceDirectory;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;

/**
 * Live push of latest-state changes to subscribers (the cockpit's SSE streams), filtered by division, type and
 * device within the subscriber's scope. Ingest only drops changes into each subscriber's coalescing map (newest
 * value per device and property wins) and never waits; a sender pushes each map every tick. A subscriber too
 * slow to keep up is cut off rather than allowed to hold memory or slow ingestion.
 */
public class LiveFeed implements Consumer<Map<String, List<TelemetryReading>>>, AutoCloseable {
    private static final Duration STUCK = Duration.ofSeconds(10);

    private final DeviceDirectory directory;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService senders = Executors.newFixedThreadPool(4, r -> daemon(r, "cityos-live-send"));

    private final int maxPendingDevices;

    public LiveFeed(DeviceDirectory directory, Duration tick, int maxPendingDevices) {
        this.directory = directory;
        this.maxPendingDevices = maxPendingDevices;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cityos-live-tick"));
        ticker.scheduleWithFixedDelay(this::flush, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where a subscriber's pushes go; {@code send} may block on a slow client, it runs on a sender thread. */
    public interface Sink {
        void send(List<LiveChange> changes) throws Exception;

        void close(String reason);
    }

    /** Which changes a subscriber wants; empty sets mean any. */
    public record Filter(String divisionPrefix, Set<String> types, Set<String> devices) {}

    public AutoCloseable subscribe(Actor actor, Filter filter, Sink sink) {
        actor.require(Permission.DEVICE_READ);
        Subscription s = new Subscription(DeviceScope.of(actor), filter, sink, maxPendingDevices);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    public int subscribers() {
        return subscriptions.size();
    }

    @Override
    public void accept(Map<String, List<TelemetryReading>> changed) {
        if (subscriptions.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<TelemetryReading>> e : changed.entrySet()) {
            Device device = directory.device(new DeviceId(e.getKey())).orElse(null);
            if (device == null) {
                continue;
            }
            for (Subscription s : subscriptions) {
                if (s.wants(device)) {
                    s.offer(device, e.getValue());
                }
            }
        }
    }

    private void flush() {
        long now = System.nanoTime();
        for (Subscription s : subscriptions) {
            if (s.overflowed || (s.sending.get() && now - s.sendingSince > STUCK.toNanos())) {
                subscriptions.remove(s);
                s.sink.close(s.overflowed ? "overflow" : "too slow");
                continue;
            }
            if (s.pending.isEmpty() || !s.sending.compareAndSet(false, true)) {
                continue;
            }
            s.sendingSince = now;
            senders.execute(() -> s.push(subscriptions));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
        subscriptions.forEach(s -> s.sink.close("shutdown"));
        subscriptions.clear();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static final class Subscription {
        final DeviceScope scope;
        final Filter filter;
        final Sink sink;
        final Map<String, LiveChange> pending = new ConcurrentHashMap<>();
        final AtomicBoolean sending = new AtomicBoolean();
        volatile long sendingSince;
        volatile boolean overflowed;
        final int maxPending;

        Subscription(DeviceScope scope, Filter filter, Sink sink, int maxPending) {
            this.maxPending = maxPending;
            this.scope = scope;
            this.filter = filter;
            this.sink = sink;
        }

        boolean wants(Device d) {
            return scope.includes(d)
                    && (filter.divisionPrefix() == null || d.division().value().startsWith(filter.divisionPrefix()))
                    && (filter.types().isEmpty() || filter.types().contains(d.typeCode()))
                    && (filter.devices().isEmpty() || filter.devices().contains(d.id().value()));
        }

        void offer(Device d, List<TelemetryReading> readings) {
            if (pending.size() >= maxPending && !pending.containsKey(d.id().value())) {
                overflowed = true;
                return;
            }
            pending.merge(
                    d.id().value(),
                    new LiveChange(d.id().value(), d.typeCode(), d.division().value(), readings),
                    (old, add) -> {
                        Map<String, TelemetryReading> byProperty = new HashMap<>();
                        old.readings().forEach(r -> byProperty.put(r.property(), r));
                        add.readings().forEach(r -> byProperty.put(r.property(), r));
                        return new LiveChange(
                                old.device(), old.typeCode(), old.division(), List.copyOf(byProperty.values()));
                    });
        }

        void push(List<Subscription> all) {
            try {
                List<LiveChange> batch = new ArrayList<>();
                for (String key : List.copyOf(pending.keySet())) {
                    LiveChange c = pending.remove(key);
                    if (c != null) {
                        batch.add(c);
                    }
                }
                if (!batch.isEmpty()) {
                    sink.send(batch);
                }
            } catch (Exception e) {
                all.remove(this);
                sink.close("send failed");
            } finally {
                sending.set(false);
            }
        }
    }
}
