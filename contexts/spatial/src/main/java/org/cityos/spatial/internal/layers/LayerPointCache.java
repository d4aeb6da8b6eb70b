package org.cityos.spatial.internal.layers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cityos.spatial.LayerId;
import org.springframework.stereotype.Component;

/**
 * The most recently clustered layers' points, kept in memory so that a map pan costs a scan of an
 * array instead of a scan of the table. A snapshot is used only while its features version matches
 * the stored one, which every node reads from the database: a write on any node retires it.
 */
@Component
public class LayerPointCache {
    /** 200,000 points take about 5 MB; a handful of big layers fit comfortably. */
    static final int MAX_LAYERS = 16;

    private final Map<String, LayerPoints> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LayerPoints> eldest) {
            return size() > MAX_LAYERS;
        }
    };

    /**
     * The snapshot of {@code layer} at {@code featuresVersion}, loading it when missing or stale. The
     * layer's creation time is part of the key: a layer removed and registered again counts anew.
     */
    public LayerPoints points(LayerId id, Instant createdAt, long featuresVersion, Supplier<LayerPoints> load) {
        String layer = id.value() + "@" + createdAt;
        synchronized (snapshots) {
            LayerPoints cached = snapshots.get(layer);
            if (cached != null && cached.featuresVersion() == featuresVersion) {
                return cached;
            }
        }
        // Loaded outside the lock: a slow load of one layer must not stall maps of the others.
        LayerPoints fresh = load.get();
        synchronized (snapshots) {
            LayerPoints cached = snapshots.get(layer);
            if (cached == null || cached.featuresVersion() < fresh.featuresVersion()) {
                snapshots.put(layer, fresh);
            }
        }
        return fresh;
    }

    public void forget(LayerId id) {
        synchronized (snapshots) {
            snapshots.keySet().removeIf(k -> k.startsWith(id.value() + "@"));
        }
    }
}
