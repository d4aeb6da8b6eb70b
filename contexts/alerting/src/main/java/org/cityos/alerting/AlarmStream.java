package org.cityos.alerting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cityos.alerting.persistence.NotificationFeedRepository;
import org.cityos.alerting.persistence.NotificationFeedRepository.FeedEntry;
import org.cityos.kernel.DivisionCode;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.access.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The live alarm stream behind {@code GET /api/alerting/stream}: every node reads the shared feed of alarm events
 * and pushes each to its own subscribers that may see the alarm's division. Each subscriber has a bounded buffer;
 * one that falls behind is dropped (it reconnects), so a slow client never holds the server up.
 */
public class AlarmStream implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AlarmStream.class);
    // Commits may land out of id order; entries this recent are read again (and pushed if not seen yet).
    private static final Duration LATE_COMMITS = Duration.ofSeconds(10);

    private final NotificationFeedRepository feed;
    private final NotificationProperties.Stream settings;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Counter dropped;
    private volatile ScheduledExecutorService ticker;
    private ExecutorService senders;
    private long lastId;
    private Set<Long> seen = new HashSet<>();

    public AlarmStream(
            NotificationFeedRepository feed, NotificationProperties.Stream settings, MeterRegistry registry) {
        this.feed = feed;
        this.settings = settings;
        this.dropped = Counter.builder("cityos.alerting.stream.dropped")
                .description("Stream subscribers dropped for falling behind or failing")
                .register(registry);
        Gauge.builder("cityos.alerting.stream.subscribers", subscribers, List::size)
                .description("Open alarm streams on this node")
                .register(registry);
    }

    /** Where one subscriber's events go; calls come from a sender thread and may block on a slow client. */
    public interface Sink {
        /** @param name e.g. {@code alarm-raised}; @param json the event as JSON */
        void event(String name, long id, String json) throws Exception;

        void heartbeat() throws Exception;

        /** The stream ends: {@code overflow}, {@code send failed} or {@code shutdown}. */
        void close(String reason);
    }

    /** Starts pushing alarm events the actor may see (ALARM_READ, within its divisions); close to stop. */
    public AutoCloseable subscribe(Actor actor, Sink sink) {
        actor.require(Permission.ALARM_READ);
        Subscriber s = new Subscriber(actor, sink, new ArrayBlockingQueue<>(settings.buffer()));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Reads what the feed has that was not pushed yet and queues it for the subscribers who may see it. */
    public synchronized void pollOnce() {
        List<FeedEntry> entries = feed.recent(lastId, LATE_COMMITS);
        Set<Long> returned = new HashSet<>();
        for (FeedEntry e : entries) {
            returned.add(e.id());
            lastId = Math.max(lastId, e.id());
            if (seen.contains(e.id())) {
                continue;
            }
            for (Subscriber s : subscribers) {
                if (s.maySee(e.division()) && !queue(s, new Item(e.change().eventName(), e.id(), e.payload()))) {
                    drop(s, "overflow");
                }
            }
        }
        // Whatever the window query no longer returns has left the window for good.
        seen = returned;
        subscribers.forEach(this::drain);
    }

    /**
     * Queues the item; when the buffer is full, lets the subscriber's sender catch up for a moment first, so that a
     * burst larger than the buffer drops only a client that stopped reading, not one that is merely behind.
     */
    private boolean queue(Subscriber s, Item item) {
        if (s.queue.offer(item)) {
            return true;
        }
        drain(s);
        try {
            return s.queue.offer(item, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void heartbeat() {
        for (Subscriber s : subscribers) {
            if (s.queue.isEmpty()) {
                s.queue.offer(new Item(null, 0, null));
                drain(s);
            }
        }
    }

    private void drain(Subscriber s) {
        if (s.queue.isEmpty() || !s.sending.compareAndSet(false, true)) {
            return;
        }
        senders.execute(() -> {
            try {
                for (Item item = s.queue.poll(); item != null && subscribers.contains(s); item = s.queue.poll()) {
                    if (item.name() == null) {
                        s.sink.heartbeat();
                    } else {
                        s.sink.event(item.name(), item.id(), item.json());
                    }
                }
            } catch (Exception e) {
                drop(s, "send failed");
            } finally {
                s.sending.set(false);
            }
        });
    }

    private void drop(Subscriber s, String reason) {
        if (subscribers.remove(s)) {
            dropped.increment();
            s.queue.clear();
            // Not on the poller: closing may have to wait for the very client that stopped reading.
            senders.execute(() -> s.sink.close(reason));
        }
    }

    /** Reads the feed now, on the stream's own thread (a local commit appended to it); no-op before start. */
    public void nudge() {
        ScheduledExecutorService t = ticker;
        if (t != null && !t.isShutdown()) {
            try {
                t.execute(() -> {
                    try {
                        pollOnce();
                    } catch (RuntimeException e) {
                        log.warn("Alarm stream poll failed, will poll again: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stopping: the feed is read again at the next start.
            }
        }
    }

    @Override
    public synchronized void start() {
        lastId = feed.lastId();
        seen = new HashSet<>(
                feed.recent(lastId, LATE_COMMITS).stream().map(FeedEntry::id).toList());
        senders = Executors.newFixedThreadPool(4, r -> daemon(r, "cityos-alarm-stream-send"));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cityos-alarm-stream"));
        long poll = settings.poll().toMillis();
        ticker.scheduleWithFixedDelay(
                () -> {
                    try {
                        pollOnce();
                    } catch (RuntimeException e) {
                        log.warn("Alarm stream poll failed, will poll again: {}", e.toString());
                    }
                },
                poll,
                poll,
                TimeUnit.MILLISECONDS);
        long beat = settings.heartbeat().toMillis();
        ticker.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        for (Subscriber s : subscribers) {
            s.sink.close("shutdown");
        }
        subscribers.clear();
        senders.shutdownNow();
        ticker = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private record Item(String name, long id, String json) {}

    private record Subscriber(Actor actor, Sink sink, BlockingQueue<Item> queue, AtomicBoolean sending) {
        Subscriber(Actor actor, Sink sink, BlockingQueue<Item> queue) {
            this(actor, sink, queue, new AtomicBoolean());
        }

        boolean maySee(String division) {
            if (actor.isSystem()) {
                return true;
            }
            return division != null && DivisionCode.isValid(division) && actor.covers(DivisionCode.of(division));
        }
    }
}
