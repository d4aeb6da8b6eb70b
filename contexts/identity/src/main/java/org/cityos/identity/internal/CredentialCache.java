package org.cityos.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.identity.Authenticated;

/**
 * Resolved credentials by digest, for a short time, so that an authorised request costs no database
 * look-up. Revocations on this node evict at once; other nodes see them within the time-to-live.
 */
public final class CredentialCache {
    private static final int MAX_ENTRIES = 50_000;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public CredentialCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<Authenticated> get(String digestKey) {
        Entry e = entries.get(digestKey);
        Instant now = clock.instant();
        if (e == null || e.cachedUntil.isBefore(now) || e.value.validUntil().isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(e.value);
    }

    public void put(String digestKey, Authenticated value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(digestKey, new Entry(value, clock.instant().plus(ttl)));
    }

    public void evict(String digestKey) {
        entries.remove(digestKey);
    }

    /** After a change to users or keys whose effect on cached actors is not tracked one by one. */
    public void clear() {
        entries.clear();
    }

    private record Entry(Authenticated value, Instant cachedUntil) {}
}
