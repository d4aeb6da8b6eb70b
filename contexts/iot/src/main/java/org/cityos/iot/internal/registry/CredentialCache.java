package org.cityos.iot.internal.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.DeviceCredentialCheck;
import org.cityos.iot.DeviceId;

/**
 * Recent token lookups of this node, by token digest, so that a device sending many messages costs one
 * database lookup per TTL. Anything that can make a token stop working (revocation, rotation, a state
 * change) forgets the device's entries here at once.
 */
public final class CredentialCache {
    private static final int MAX_ENTRIES = 500_000;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<DeviceId, Set<String>> byDevice = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public CredentialCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Entry(DeviceCredentialCheck check, Instant until) {}

    public Optional<DeviceCredentialCheck> get(String digest) {
        Entry e = entries.get(digest);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        // A cached token that expires (overlap window) is only trusted until its own expiry.
        boolean stale = !now.isBefore(e.until())
                || (e.check().expiresAt() != null && !now.isBefore(e.check().expiresAt()));
        if (stale) {
            entries.remove(digest, e);
            return Optional.empty();
        }
        return Optional.of(e.check());
    }

    public void put(String digest, DeviceCredentialCheck check) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
            byDevice.clear();
        }
        entries.put(digest, new Entry(check, clock.instant().plus(ttl)));
        byDevice.computeIfAbsent(check.deviceId(), d -> ConcurrentHashMap.newKeySet())
                .add(digest);
    }

    /** Forgets every token of the device: the few digests indexed under it, not a scan of the cache. */
    public void forget(DeviceId device) {
        Set<String> digests = byDevice.remove(device);
        if (digests != null) {
            digests.forEach(entries::remove);
        }
    }
}
