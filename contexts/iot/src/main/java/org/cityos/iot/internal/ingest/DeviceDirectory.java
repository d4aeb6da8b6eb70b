package org.cityos.iot.internal.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cityos.iot.Device;
import org.cityos.iot.DeviceId;
import org.cityos.iot.persistence.DeviceRepository;

/**
 * What the hot path needs to know about a device (type, division, parent) and a gateway's children, cached
 * for a minute so that a message costs no registry lookup. Staleness is harmless here: authentication is
 * the credential cache's job, which registry changes clear at once.
 */
public final class DeviceDirectory {
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 300_000;

    private final DeviceRepository repository;
    private final Clock clock;
    private final Map<DeviceId, Cached<Optional<Device>>> devices = new ConcurrentHashMap<>();
    private final Map<DeviceId, Cached<List<Device>>> children = new ConcurrentHashMap<>();

    public DeviceDirectory(DeviceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    private record Cached<T>(T value, Instant until) {}

    public Optional<Device> device(DeviceId id) {
        Instant now = clock.instant();
        Cached<Optional<Device>> c = devices.get(id);
        if (c == null || !now.isBefore(c.until())) {
            if (devices.size() > MAX_ENTRIES) {
                devices.clear();
            }
            c = new Cached<>(repository.find(id), now.plus(TTL));
            devices.put(id, c);
        }
        return c.value();
    }

    /** The gateway's registered child whose id, serial or name is {@code key}. */
    public Optional<Device> child(DeviceId gateway, String key) {
        Instant now = clock.instant();
        Cached<List<Device>> c = children.get(gateway);
        if (c == null || !now.isBefore(c.until())) {
            c = new Cached<>(repository.childrenOf(gateway), now.plus(TTL));
            children.put(gateway, c);
        }
        for (Device d : c.value()) {
            if (d.id().value().equals(key) || key.equals(d.serial()) || key.equals(d.name())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code child} is registered behind {@code gateway}. */
    public boolean isChild(DeviceId gateway, DeviceId child) {
        return device(child).map(d -> gateway.equals(d.parent())).orElse(false);
    }

    public void forget(DeviceId id) {
        devices.remove(id);
        children.remove(id);
    }
}
