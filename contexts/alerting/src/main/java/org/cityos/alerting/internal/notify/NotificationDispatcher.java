package org.cityos.alerting.internal.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cityos.alerting.Channel;
import org.cityos.alerting.ChannelKind;
import org.cityos.alerting.Delivery;
import org.cityos.alerting.NotificationProperties;
import org.cityos.alerting.persistence.ChannelRepository;
import org.cityos.alerting.persistence.NotificationFeedRepository;
import org.cityos.alerting.persistence.NotificationFlapRepository;
import org.cityos.alerting.persistence.NotificationRepository;
import org.cityos.alerting.persistence.NotificationRepository.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims a batch (safe with any number of nodes), sends them on a small pool, and settles
 * each — delivered, retried after the configured back-off, or failed. All times come from the injected clock.
 */
public final class NotificationDispatcher implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationRepository deliveries;
    private final ChannelRepository channels;
    private final NotificationFlapRepository flaps;
    private final NotificationFeedRepository feed;
    private final Map<ChannelKind, ChannelSender> senders;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final ExecutorService pool;

    public NotificationDispatcher(
            NotificationRepository deliveries,
            ChannelRepository channels,
            NotificationFlapRepository flaps,
            NotificationFeedRepository feed,
            Map<ChannelKind, ChannelSender> senders,
            NotificationProperties properties,
            NotificationMetrics metrics,
            Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.flaps = flaps;
        this.feed = feed;
        this.senders = Map.copyOf(senders);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(properties.senders(), r -> {
            Thread t = new Thread(r, "cityos-notify-send");
            t.setDaemon(true);
            return t;
        });
    }

    /** Claims and sends one batch of due deliveries, waiting for all of them; returns how many were attempted. */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<Claimed> claimed =
                deliveries.claim(now, now.plus(properties.lease()), properties.batchSize(), properties.maxAttempts());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, Optional<Channel>> byId = new HashMap<>();
        List<Future<?>> sending = new ArrayList<>();
        for (Claimed c : claimed) {
            Optional<Channel> channel = byId.computeIfAbsent(c.channelId(), channels::find);
            sending.add(pool.submit(() -> sendOne(c, channel.orElse(null))));
        }
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // The lease runs out and another pass retries it; nothing else to do here.
                log.warn("Sending a notification failed unexpectedly", e.getCause());
            }
        }
        return claimed.size();
    }

    /** Sends batches until none is full (a backlog drains in one run), then tidies up. */
    @Override
    public void run() {
        try {
            while (dispatchDue() == properties.batchSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Notification dispatch failed, will run again: {}", e.toString());
        }
    }

    /** Fails deliveries abandoned on their last attempt and forgets old deliveries, pauses and feed entries. */
    public void tidy() {
        Instant now = clock.instant();
        deliveries.failAbandoned(now, properties.maxAttempts());
        deliveries.purge(now.minus(properties.retention()));
        flaps.purge(now.minus(properties.flapSettle()));
        feed.purge(properties.stream().keep());
    }

    void sendOne(Claimed c, Channel channel) {
        Notice notice = new Notice(c.id(), c.channelId(), c.change(), c.body(), c.subject(), c.message(), c.attempt());
        if (channel == null || !channel.enabled()) {
            settle(c, Delivery.Status.SKIPPED, "the channel was disabled before sending");
            return;
        }
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = senders.get(channel.kind()).send(channel, notice);
        } catch (RuntimeException e) {
            outcome = Outcome.retry(Outcome.describe(e));
        }
        metrics.attempt(channel.kind(), outcome.kind(), Duration.ofNanos(System.nanoTime() - started));
        switch (outcome.kind()) {
            case DELIVERED -> settle(c, Delivery.Status.DELIVERED, null);
            case FAILED -> settle(c, Delivery.Status.FAILED, outcome.error());
            case RETRY -> {
                if (c.attempt() >= properties.maxAttempts()) {
                    settle(
                            c,
                            Delivery.Status.FAILED,
                            outcome.error() + " (gave up after " + c.attempt() + " attempts)");
                } else {
                    Instant next = clock.instant().plus(properties.backoffAfter(c.attempt()));
                    if (!deliveries.settle(c.id(), c.attempt(), Delivery.Status.PENDING, next, outcome.error(), null)) {
                        log.info("Delivery {} was taken over by another node", c.id());
                    }
                }
            }
        }
    }

    private void settle(Claimed c, Delivery.Status status, String error) {
        Instant now = clock.instant();
        boolean settled = deliveries.settle(
                c.id(), c.attempt(), status, now, error, status == Delivery.Status.DELIVERED ? now : null);
        if (!settled) {
            log.info("Delivery {} was taken over by another node", c.id());
        } else if (status == Delivery.Status.FAILED) {
            log.warn("Notification {} ({}) failed for good: {}", c.id(), c.change(), error);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
