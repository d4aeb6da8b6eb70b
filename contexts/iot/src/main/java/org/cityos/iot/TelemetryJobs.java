package org.cityos.iot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.internal.ingest.HealthWatch;
import org.cityos.iot.persistence.TelemetryPartitions;
import org.cityos.iot.persistence.TelemetryRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The telemetry store's housekeeping, each step callable on its own (tests drive them with a controlled clock):
 * partitions ahead, retention (whole days dropped, shorter per-type retention deleted), rollups, latest-state
 * flush and silence checks, command expiry, forgetting old message ids.
 */
public class TelemetryJobs implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TelemetryJobs.class);

    private final TelemetryPartitions partitions;
    private final TelemetryRollups rollups;
    private final HealthWatch health;
    private final DeviceCommands commands;
    private final DeviceTypes types;
    private final TelemetryProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public TelemetryJobs(
            TelemetryPartitions partitions,
            TelemetryRollups rollups,
            HealthWatch health,
            DeviceCommands commands,
            DeviceTypes types,
            TelemetryProperties properties,
            Clock clock) {
        this.partitions = partitions;
        this.rollups = rollups;
        this.health = health;
        this.commands = commands;
        this.types = types;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates today's partition and those ahead (and yesterday's, for devices a little behind). */
    public void ensurePartitions() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int d = -1; d <= properties.partitionsAhead(); d++) {
            partitions.ensure(today.plusDays(d));
        }
    }

    /** Applies retention: per-type deletes first, then whole days older than the longest retention. */
    public void applyRetention() {
        Instant now = clock.instant();
        Duration longest = properties.retention();
        for (Duration d : properties.retentionByType().values()) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        for (DeviceType type : types.list(org.cityos.kernel.access.Actor.system("telemetry-retention"))) {
            Duration keep = properties.retentionOf(type.code());
            if (keep.compareTo(longest) < 0) {
                partitions.deleteTypeBefore(type.code(), now.minus(keep));
            }
        }
        partitions.dropBefore(now.minus(longest));
        partitions.purgeReceipts(now.minus(properties.receiptRetention()));
    }

    public Instant rollUp() {
        Instant until = clock.instant().minus(properties.rollupLateness());
        Instant reached = rollups.catchUp(until);
        while (reached.isBefore(until)) {
            Instant next = rollups.catchUp(until);
            if (!next.isAfter(reached)) {
                break;
            }
            reached = next;
        }
        return reached;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.scheduled();
    }

    @Override
    public void start() {
        ensurePartitions();
        health.restore();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-telemetry-jobs");
            t.setDaemon(true);
            return t;
        });
        every(properties.latestFlushInterval(), health::runOnce);
        every(Duration.ofSeconds(5), commands::expire);
        every(properties.rollupInterval(), this::rollUp);
        every(Duration.ofHours(1), this::ensurePartitions);
        every(Duration.ofHours(1), this::applyRetention);
    }

    private void every(Duration period, Runnable job) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        job.run();
                    } catch (RuntimeException e) {
                        log.warn("Telemetry job failed, will run again: {}", e.toString());
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                health.runOnce();
            } catch (RuntimeException e) {
                log.warn("Last latest-state flush failed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
