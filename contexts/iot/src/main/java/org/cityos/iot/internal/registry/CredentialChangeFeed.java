package org.cityos.iot.internal.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cityos.iot.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a token change effective on every node: the change is written in the changing transaction
 * and forgotten locally at once; every node polls the feed each second and forgets the devices named
 * there. So credential look-ups can be cached for minutes while revocation spreads within a second.
 */
@Component
public class CredentialChangeFeed implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CredentialChangeFeed.class);
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final CredentialCache cache;
    private final Clock clock;
    private volatile long lastSeen;
    private ScheduledExecutorService poller;

    public CredentialChangeFeed(JdbcClient jdbc, CredentialCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.clock = clock;
    }

    /** Records the change (joins the caller's transaction) and forgets the device on this node now. */
    public void changed(DeviceId device) {
        jdbc.sql("INSERT INTO iot_credential_change (device_id, changed_at) VALUES (?, ?)")
                .params(device.value(), Timestamp.from(clock.instant()))
                .update();
        cache.forget(device);
    }

    /** Forgets every device changed on any node since the last poll; returns how many changes it read. */
    public int poll() {
        var changes = jdbc.sql(
                        "SELECT seq, device_id FROM iot_credential_change WHERE seq > ? ORDER BY seq LIMIT 10000")
                .param(lastSeen)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        for (Object[] change : changes) {
            cache.forget(new DeviceId((String) change[1]));
            lastSeen = Math.max(lastSeen, (Long) change[0]);
        }
        return changes.size();
    }

    private void pollQuietly() {
        try {
            poll();
            jdbc.sql("DELETE FROM iot_credential_change WHERE changed_at < ?")
                    .param(Timestamp.from(clock.instant().minus(KEEP)))
                    .update();
        } catch (RuntimeException e) {
            // the cache TTL still bounds staleness; say so and keep polling
            log.warn("Credential change feed poll failed", e);
        }
    }

    @Override
    public void start() {
        lastSeen = jdbc.sql("SELECT coalesce(max(seq), 0) FROM iot_credential_change")
                .query(Long.class)
                .single();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cityos-credential-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
